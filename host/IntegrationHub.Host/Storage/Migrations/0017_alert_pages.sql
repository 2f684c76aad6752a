-- Where an official deals with an alert (a hub path); mailed as an absolute link under Hub:PublicUrl.
alter table hub.alerts add column page text;
