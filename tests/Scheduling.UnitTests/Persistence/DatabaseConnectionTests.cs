using Npgsql;
using VideoEngager.Scheduling.Persistence;

namespace VideoEngager.Scheduling.UnitTests.Persistence;

public sealed class DatabaseConnectionTests
{
    [Fact]
    public void Statements_are_auto_prepared_and_connections_not_reset_when_the_connection_string_does_not_say()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseConnection.Tuned("Host=db;Database=videoengager"));

        Assert.Equal(64, tuned.MaxAutoPrepare);
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal("db", tuned.Host);
    }

    [Fact]
    public void A_deployment_that_wants_connections_reset_keeps_the_reset()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseConnection.Tuned("Host=db;No Reset On Close=false"));

        Assert.False(tuned.NoResetOnClose);
    }

    [Fact]
    public void A_deployment_that_turns_auto_prepare_off_keeps_it_off()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseConnection.Tuned("Host=db;Max Auto Prepare=0"));

        Assert.Equal(0, tuned.MaxAutoPrepare);
    }
}
