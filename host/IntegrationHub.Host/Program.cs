using IntegrationHub.Host;
using IntegrationHub.Host.Admin;

if (args.FirstOrDefault() == "hash-password")
{
    // Reads the password from standard input so it never lands in shell history.
    Console.Error.Write("Password: ");
    var password = Console.IsInputRedirected ? Console.In.ReadLine() : ReadHidden();
    if (string.IsNullOrEmpty(password))
    {
        Console.Error.WriteLine("No password given.");
        return 2;
    }

    Console.WriteLine(AdminPasswordHasher.Hash(password));
    return 0;
}

if (args.FirstOrDefault() == "verify-evidence")
{
    // Offline: no configuration, no database, no hub services; only the bundle.
    if (args.Length != 2 || !File.Exists(args[1]))
    {
        Console.Error.WriteLine("Usage: verify-evidence <bundle.zip> (a bundle from GET /api/evidence)");
        return 2;
    }

    await using var bundle = File.OpenRead(args[1]);
    var report = IntegrationHub.Host.Evidence.EvidenceBundleChecker.Check(bundle);
    Console.WriteLine(report.Text());
    return report.Valid ? 0 : 1;
}

try
{
    // check-config and migrate take the hub's usual arguments after them (--environment, --urls, key=value...).
    switch (args.FirstOrDefault())
    {
        case "check-config":
            Console.WriteLine(await HubApplication.CheckConfigurationAsync(args[1..]));
            return 0;
        case "migrate":
            Console.WriteLine(await HubApplication.MigrateAsync(args[1..]));
            return 0;
        case "archive":
            var (exitCode, output) = await HubApplication.ArchiveCommandAsync(args[1..]);
            Console.WriteLine(output);
            return exitCode;
    }

    await using var hub = await HubApplication.StartAsync(args);
    await hub.App.WaitForShutdownAsync();
    return 0;
}
catch (HubStartupException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

static string ReadHidden()
{
    var password = new System.Text.StringBuilder();
    for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
    {
        if (key.Key == ConsoleKey.Backspace && password.Length > 0)
        {
            password.Length--;
        }
        else if (!char.IsControl(key.KeyChar))
        {
            password.Append(key.KeyChar);
        }
    }

    Console.Error.WriteLine();
    return password.ToString();
}
