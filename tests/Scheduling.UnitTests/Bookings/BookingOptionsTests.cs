using System.ComponentModel.DataAnnotations;
using VideoEngager.Scheduling.Bookings;

namespace VideoEngager.Scheduling.UnitTests.Bookings;

public class BookingOptionsTests
{
    private static List<ValidationResult> Validate(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Theory]
    [InlineData("")]
    [InlineData("edge.example")]
    [InlineData("ftp://edge.example")]
    public void The_public_base_url_must_be_absolute_http(string url) =>
        Assert.NotEmpty(Validate(new BookingOptions { PublicBaseUrl = url }));

    [Fact]
    public void An_http_base_url_is_accepted() =>
        Assert.Empty(Validate(new BookingOptions { PublicBaseUrl = "http://localhost:5080" }));
}
