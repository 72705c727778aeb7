using System.Text.Json;
using VideoEngager.Genesys.Emulator.Wire;

namespace VideoEngager.Genesys.Emulator.UnitTests.Wire;

public sealed class UtcInstantConverterTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new UtcInstantConverter() } };

    [Fact]
    public void Instants_are_written_in_utc_with_milliseconds_and_z()
    {
        var instant = new DateTimeOffset(2026, 12, 3, 14, 30, 0, TimeSpan.FromHours(4));

        Assert.Equal("\"2026-12-03T10:30:00.000Z\"", JsonSerializer.Serialize(instant, Options));
    }

    [Theory]
    [InlineData("\"2026-12-03T10:30:00.000Z\"")]
    [InlineData("\"2026-12-03T10:30:00Z\"")]
    [InlineData("\"2026-12-03T14:30:00+04:00\"")]
    public void Any_iso_offset_is_read_as_the_same_instant(string json) =>
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.Zero), JsonSerializer.Deserialize<DateTimeOffset>(json, Options));

    [Fact]
    public void A_value_that_is_not_a_date_is_refused() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DateTimeOffset>("\"tomorrow\"", Options));
}
