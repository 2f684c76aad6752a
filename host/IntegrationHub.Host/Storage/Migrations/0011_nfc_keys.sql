-- Since issue 10 the hub keeps keys in Unicode NFC and compares searches in NFC. Keys stored before are put in NFC
-- once, so a decomposed key stored earlier is still found, and a source's re-read record is not taken for a new one.
-- (The citizen-lookup audit is append-only evidence and is left as written.)
do $$
begin
    if current_setting('server_encoding') <> 'UTF8' then
        raise notice 'server encoding is %, not UTF8: keys left as stored', current_setting('server_encoding');
        return;
    end if;

    update hub.messages set business_key = normalize(business_key, NFC) where business_key is not nfc normalized;
    update hub.messages set record_key = normalize(record_key, NFC) where record_key is not nfc normalized;
    update hub.deliveries set record_key = normalize(record_key, NFC) where record_key is not nfc normalized;
    -- A record seen under both forms keeps the composed form's version (the one later reads compare with).
    delete from hub.record_versions v
    where v.record_key is not nfc normalized
      and exists (select 1 from hub.record_versions w where w.flow_id = v.flow_id and w.record_key = normalize(v.record_key, NFC));
    update hub.record_versions set record_key = normalize(record_key, NFC) where record_key is not nfc normalized;
    update hub.inbox set business_key = normalize(business_key, NFC) where business_key is not nfc normalized;
    update hub.payments set ma_ho_so = normalize(ma_ho_so, NFC) where ma_ho_so is not nfc normalized;
end $$;
