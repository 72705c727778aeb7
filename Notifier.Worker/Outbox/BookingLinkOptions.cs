using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Notifier.Outbox;

/// <summary>Section <c>Booking</c>: where the room and manage links of a booking point (the public edge).</summary>
public sealed class BookingLinkOptions : IValidatableObject
{
    public const string SectionName = "Booking";

    [Required]
    public string PublicBaseUrl { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Booking:PublicBaseUrl must be an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
        }
    }
}
