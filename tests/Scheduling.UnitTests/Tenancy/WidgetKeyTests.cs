using VideoEngager.Scheduling.Tenancy;

namespace VideoEngager.Scheduling.UnitTests.Tenancy;

public sealed class WidgetKeyTests
{
    [Fact]
    public void New_keys_are_url_safe_and_carry_at_least_128_bits()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => WidgetKey.New()).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Matches("^[A-Za-z0-9_-]{32,}$", k));
    }

    [Fact]
    public void Hash_is_stable_and_hides_the_key()
    {
        var hash = WidgetKey.Hash("demo-widget-key");

        Assert.Equal(hash, WidgetKey.Hash("demo-widget-key"));
        Assert.NotEqual(hash, WidgetKey.Hash("demo-widget-key2"));
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain("demo", hash, StringComparison.Ordinal);
    }
}
