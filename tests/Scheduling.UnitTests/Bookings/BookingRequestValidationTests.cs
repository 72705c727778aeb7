using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.V1;
using VideoEngager.Scheduling.Validation;

namespace VideoEngager.Scheduling.UnitTests.Bookings;

public sealed class BookingRequestValidationTests
{
    [Fact]
    public void Attributes_up_to_the_limit_pass_and_one_byte_more_fails()
    {
        var request = new CreateBookingRequest();
        // {"a":"xxx…"} is 8 bytes of JSON around the value.
        request.Attributes["a"] = new string('x', 2048 - 8);
        var atLimit = new FieldViolations();
        BookingRequestValidation.CheckRouting(request, 2048, atLimit);

        request.Attributes["a"] += "x";
        var overLimit = new FieldViolations();
        BookingRequestValidation.CheckRouting(request, 2048, overLimit);

        Assert.Equal(2048, BookingRequestValidation.AttributesSize(new Dictionary<string, string> { ["a"] = new('x', 2040) }));
        Assert.False(atLimit.Any);
        Assert.True(overLimit.Any);
    }

    [Fact]
    public void Priority_and_skills_are_bounded()
    {
        var request = new CreateBookingRequest { Priority = 101, Skills = { "Video", "" } };
        var violations = new FieldViolations();

        BookingRequestValidation.CheckRouting(request, 2048, violations);

        var error = Assert.Throws<Grpc.Core.RpcException>(violations.ThrowIfAny);
        Assert.Contains("priority", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("skills[1]", error.Status.Detail, StringComparison.Ordinal);
    }
}
