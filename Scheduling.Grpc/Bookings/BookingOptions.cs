using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Scheduling.Bookings;

public sealed class BookingOptions : IValidatableObject
{
    public const string Section = "Booking";

    /// <summary>Languages e-mails and pages exist in; the first is the default.</summary>
    [MinLength(1)]
    public List<string> SupportedLanguages { get; set; } = ["en", "ar"];

    /// <summary>The public edge's address, for the links a booking answers and notifies with.</summary>
    /// <remarks>
    /// No default: every link a mail carries is built from it and kept in the outbox, so a wrong default would go out
    /// to customers. The AppHost sets it; a process started on its own reads it from its settings.
    /// </remarks>
    [Required]
    public string PublicBaseUrl { get; set; } = string.Empty;

    [Range(256, 65536)]
    public int MaxAttributesBytes { get; set; } = 2048;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Booking:PublicBaseUrl must be an absolute http(s) URL.", [nameof(PublicBaseUrl)]);
        }
    }
}
