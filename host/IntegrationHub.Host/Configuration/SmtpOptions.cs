namespace IntegrationHub.Host.Configuration;

public sealed class SmtpOptions
{
    /// <summary>Empty: no mail is sent.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c> or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "StartTls";

    /// <summary>Empty: no authentication. The password comes from the environment (<c>Alerts__Smtp__Password</c>).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "integrationhub@localhost";

    public List<string> To { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(Host) && To.Count > 0;
}
