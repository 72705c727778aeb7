using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.V1;
using VideoEngager.Scheduling.Validation;

namespace VideoEngager.Scheduling.UnitTests.Bookings;

public sealed class VisitorValidationTests
{
    private static readonly string[] Languages = ["en", "ar"];

    [Theory]
    [InlineData("+971 50 123 4567", "AE", "+971501234567")]
    [InlineData("050 123 4567", "AE", "+971501234567")]          // typed locally, queue in the UAE
    [InlineData("+1 999 123 4567", "US", null)]                    // 999 is no area code
    [InlineData("+1 202 456 1111", null, "+12024561111")]
    [InlineData("12", "AE", null)]
    [InlineData("not a phone", "AE", null)]
    public void Phones_are_normalized_to_E164_or_refused(string input, string? region, string? expected) =>
        Assert.Equal(expected, VisitorValidation.NormalizePhone(input, region));

    [Theory]
    [InlineData("fatima@example.com", true)]
    [InlineData("fatima.al-ali+video@mail.example.ae", true)]
    [InlineData("Fatima <fatima@example.com>", false)]
    [InlineData("fatima@localhost", false)]
    [InlineData("fatima@", false)]
    [InlineData("", false)]
    public void Email_addresses_must_be_plain_addresses_with_a_domain(string input, bool valid) =>
        Assert.Equal(valid, VisitorValidation.IsEmailAddress(input));

    [Theory]
    [InlineData("ar", "ar")]
    [InlineData("ar-AE", "ar")]
    [InlineData("en-US", "en")]
    [InlineData("", "en")]
    [InlineData("fr", null)]
    [InlineData("xx-nope", null)]
    public void Languages_fall_under_a_supported_culture(string input, string? expected) =>
        Assert.Equal(expected, VisitorValidation.NormalizeLanguage(input, Languages));

    [Fact]
    public void Every_bad_field_is_named()
    {
        var violations = new FieldViolations();

        var visitor = VisitorValidation.Validate(
            new Visitor { Name = new string('x', 201), Email = "nope", Phone = "1", PreferredLang = "zz" }, "AE", Languages, violations);

        Assert.Null(visitor);
        var error = Assert.Throws<Grpc.Core.RpcException>(violations.ThrowIfAny);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, error.StatusCode);
        foreach (var field in new[] { "visitor.name", "visitor.email", "visitor.phone", "visitor.preferredLang" })
        {
            Assert.Contains(field, error.Status.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_valid_visitor_is_trimmed_and_normalized()
    {
        var violations = new FieldViolations();

        var visitor = VisitorValidation.Validate(
            new Visitor { Name = "  Fatima Al-Ali ", Email = "fatima@example.com", Phone = "050 123 4567", PreferredLang = "ar-AE" },
            "AE", Languages, violations);

        Assert.False(violations.Any);
        Assert.Equal(new ValidVisitor("Fatima Al-Ali", "fatima@example.com", "+971501234567", "ar"), visitor);
    }
}
