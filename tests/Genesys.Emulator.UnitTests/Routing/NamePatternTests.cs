using VideoEngager.Genesys.Emulator.Routing;

namespace VideoEngager.Genesys.Emulator.UnitTests.Routing;

public sealed class NamePatternTests
{
    [Theory]
    [InlineData("VIP-Video-Q", "VIP-Video-Q", true)]
    [InlineData("vip-video-q", "VIP-Video-Q", true)]
    [InlineData("VIP", "VIP-Video-Q", false)]
    [InlineData("VIP*", "VIP-Video-Q", true)]
    [InlineData("*Video*", "VIP-Video-Q", true)]
    [InlineData("*-Q", "VIP-Video-Q", true)]
    [InlineData("V*o*Q", "VIP-Video-Q", true)]
    [InlineData("VIP*VIP", "VIP", false)]
    [InlineData("*Audio*", "VIP-Video-Q", false)]
    public void Names_match_whole_or_by_wildcard_ignoring_case(string pattern, string name, bool matches) =>
        Assert.Equal(matches, NamePattern.Matches(pattern, name));
}
