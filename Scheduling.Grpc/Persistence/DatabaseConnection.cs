using System.Data.Common;
using Npgsql;

namespace VideoEngager.Scheduling.Persistence;

/// <summary>What this service adds to the connection string the AppHost (or deployment) hands out.</summary>
internal static class DatabaseConnection
{
    /// <summary>
    /// Statements used repeatedly (the booking insert, the claims, the look-ups) are prepared on the server after a
    /// few uses: PostgreSQL then skips parsing and planning them, which otherwise costs it more than running them.
    /// Connections go back to the pool without a reset: the service keeps no session state (no SET, LISTEN or
    /// temporary tables; the migration lock is released explicitly), and the reset cost PostgreSQL seven statements per
    /// booking. A setting the connection string names (auto-prepare 0 behind a transaction-mode pooler) is kept.
    /// </summary>
    public static string? Tuned(string? connectionString)
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
        if (!written.ContainsKey("No Reset On Close") && !written.ContainsKey("NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }
        return settings.ConnectionString;
    }
}
