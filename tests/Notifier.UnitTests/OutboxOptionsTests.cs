using System.ComponentModel.DataAnnotations;
using VideoEngager.Notifier.Outbox;

namespace VideoEngager.Notifier.UnitTests;

public class OutboxOptionsTests
{
    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void The_defaults_are_valid() => Assert.Empty(Validate(new OutboxOptions()));

    [Fact]
    public void A_cap_below_the_base_delay_is_refused()
    {
        var options = new OutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), RetryMaxDelay = TimeSpan.FromSeconds(1) };

        Assert.Contains(Validate(options), r => r.MemberNames.Contains(nameof(OutboxOptions.RetryMaxDelay)));
    }
}
