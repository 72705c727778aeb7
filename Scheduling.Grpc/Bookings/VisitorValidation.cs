using System.Globalization;
using System.Net.Mail;
using PhoneNumbers;
using VideoEngager.Scheduling.Validation;

namespace VideoEngager.Scheduling.Bookings;

/// <summary>A visitor's details, validated and normalized (phone in E.164, culture by its canonical name).</summary>
public sealed record ValidVisitor(string Name, string Email, string Phone, string PreferredLang);

internal static class VisitorValidation
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <param name="defaultRegion">Region for numbers typed without a country code (the queue's country).</param>
    public static ValidVisitor? Validate(
        V1.Visitor? visitor, string? defaultRegion, IReadOnlyCollection<string> supportedLanguages, FieldViolations violations)
    {
        if (visitor is null)
        {
            violations.Add("visitor", "Visitor details are required.");
            return null;
        }

        var name = visitor.Name.Trim();
        if (name.Length is 0 or > MaxNameLength || HasControlCharacters(name))
        {
            violations.Add("visitor.name", $"Name must be 1 to {MaxNameLength} characters, without control characters.");
        }

        var email = visitor.Email.Trim();
        if (email.Length > MaxEmailLength || !IsEmailAddress(email))
        {
            violations.Add("visitor.email", "Email must be an e-mail address such as name@example.com.");
        }

        var phone = NormalizePhone(visitor.Phone, defaultRegion);
        if (phone is null)
        {
            violations.Add("visitor.phone", "Phone must be a valid phone number, with its country code (e.g. +971 50 123 4567).");
        }

        var lang = NormalizeLanguage(visitor.PreferredLang, supportedLanguages);
        if (lang is null)
        {
            violations.Add("visitor.preferredLang", $"Preferred language must be one of: {string.Join(", ", supportedLanguages)}.");
        }

        return violations.Any ? null : new ValidVisitor(name, email, phone!, lang!);
    }

    /// <summary>Control characters (NUL, line breaks…) have no place in a name and break mail headers and PostgreSQL.</summary>
    internal static bool HasControlCharacters(string value) => value.Any(char.IsControl);

    internal static bool IsEmailAddress(string value) =>
        MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');

    /// <summary>E.164, or null when the number is not a valid one.</summary>
    internal static string? NormalizePhone(string value, string? defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        try
        {
            var number = Phones.Parse(value, defaultRegion ?? "ZZ");
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>The supported language a culture name falls under ("ar-AE" → "ar"), or null.</summary>
    internal static string? NormalizeLanguage(string value, IReadOnlyCollection<string> supported)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return supported.First();
        }
        CultureInfo culture;
        try
        {
            culture = CultureInfo.GetCultureInfo(value.Trim(), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
        for (var c = culture; !c.Equals(CultureInfo.InvariantCulture); c = c.Parent)
        {
            var match = supported.FirstOrDefault(s => string.Equals(s, c.Name, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }
        }
        return null;
    }
}
