using VideoEngager.Escalation.Bookings;
using VideoEngager.Escalation.Errors;

namespace VideoEngager.Escalation.UnitTests.Bookings;

public sealed class InstantParsingTests
{
    [Theory]
    [InlineData("2026-12-03T06:30:00Z", true)]
    [InlineData("2026-12-03T10:30:00+04:00", true)]
    [InlineData("2026-12-03T01:30:00-05:00", true)]
    [InlineData("2026-12-03T06:30:00", false)]   // no zone: ambiguous
    [InlineData("2026-12-03", false)]
    [InlineData("2026-12-03 06:30", false)]
    [InlineData("tomorrow", false)]
    [InlineData("", false)]
    public void Only_instants_with_a_zone_are_accepted(string value, bool accepted) =>
        Assert.Equal(accepted, InstantParsing.TryParse(value, out _));

    [Fact]
    public void Offsets_are_converted_to_the_same_instant()
    {
        Assert.True(InstantParsing.TryParse("2026-12-03T10:30:00+04:00", out var dubai));
        Assert.True(InstantParsing.TryParse("2026-12-03T06:30:00Z", out var utc));
        Assert.Equal(utc, dubai);
    }

    [Theory]
    [InlineData("$.priority", "priority")]
    [InlineData("$.visitor.name", "visitor.name")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    public void Json_paths_name_the_field(string? path, string field) =>
        Assert.Equal(field, BadRequestExceptionHandler.FieldOf(path));
}
