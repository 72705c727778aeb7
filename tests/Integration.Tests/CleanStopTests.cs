using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Npgsql;

namespace VideoEngager.Integration.Tests;

/// <summary>An app of the test's own, started and stopped: nothing of it may outlive the stop.</summary>
public sealed partial class CleanStopTests
{
    [Fact]
    public async Task Stopping_the_app_leaves_no_database_server_and_no_data_folder()
    {
        var token = TestContext.Current.CancellationToken;
        var app = new AppHostFixture();
        await app.InitializeAsync();
        int port;
        string folder;
        try
        {
            port = new NpgsqlConnectionStringBuilder(await app.App.GetConnectionStringAsync(ResourceNames.Database, token)).Port;
            folder = DataFolderOf(port) ?? throw new InvalidOperationException($"No PostgreSQL process serves port {port}.");
            Assert.True(Directory.Exists(folder));
        }
        finally
        {
            await app.DisposeAsync();
        }

        // The wrapper stops the server and deletes its folder when it is told to stop, or shortly after it was killed.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((DataFolderOf(port) is not null || Directory.Exists(folder)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250, token);
        }
        Assert.Null(DataFolderOf(port));
        Assert.False(Directory.Exists(folder), $"{folder} is still there");
    }

    /// <summary>The data folder of the PostgreSQL server listening on <paramref name="port"/>, from its command line.</summary>
    private static string? DataFolderOf(int port)
    {
        foreach (var process in Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue; // the process ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            var match = PostgresCommand().Match(commandLine);
            if (match.Success && match.Groups["port"].Value == port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return Path.GetDirectoryName(match.Groups["data"].Value);
            }
        }
        return null;
    }

    [GeneratedRegex(@"postgres -D (?<data>\S+) -p (?<port>\d+)")]
    private static partial Regex PostgresCommand();
}
