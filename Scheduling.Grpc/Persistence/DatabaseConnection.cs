using Npgsql;

namespace VideoEngager.Scheduling.Persistence;

/// <summary>What this service adds to the connection string the AppHost (or deployment) hands out.</summary>
internal static class DatabaseConnection
{
    /// <summary>
    /// Statements used repeatedly (the booking insert, the claims, the look-ups) are prepared on the server after a
    /// few uses: PostgreSQL then skips parsing and planning them, which otherwise costs it more than running them.
    /// </summary>
    public static string? WithAutoPrepare(string? connectionString) =>
        connectionString is null
            ? null
            : new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 3 }.ConnectionString;
}
