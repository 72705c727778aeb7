using System.ComponentModel.DataAnnotations;

namespace VideoEngager.Scheduling.Bookings;

public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>Languages e-mails and pages exist in; the first is the default.</summary>
    [MinLength(1)]
    public List<string> SupportedLanguages { get; set; } = ["en", "ar"];

    /// <summary>The public edge's address, for the links a booking answers with.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    [Range(256, 65536)]
    public int MaxAttributesBytes { get; set; } = 2048;
}
