using System.Data.Common;
using Npgsql;

namespace VideoEngager.Scheduling.Persistence;

/// <summary>What this service adds to the connection string the AppHost (or deployment) hands out.</summary>
internal static class DatabaseConnection
{
    /// <summary>
    /// Statements used repeatedly (the booking insert, the claims, the look-ups) are prepared on the server after a
    /// few uses: PostgreSQL then skips parsing and planning them, which otherwise costs it more than running them. A
    /// connection string that says otherwise (0 behind a transaction-mode pooler) is left as it is.
    /// </summary>
    public static string? WithAutoPrepare(string? connectionString)
    {
        if (connectionString is null)
        {
            return null;
        }
        // Npgsql's builder says it "contains" every keyword it knows; the plain one tells what was written.
        var written = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.ContainsKey("Max Auto Prepare") && !written.ContainsKey("MaxAutoPrepare"))
        {
            settings.MaxAutoPrepare = 64;
            settings.AutoPrepareMinUsages = 3;
        }
        return settings.ConnectionString;
    }
}
