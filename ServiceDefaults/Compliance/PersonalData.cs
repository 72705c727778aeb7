using Microsoft.Extensions.Compliance.Classification;

namespace VideoEngager.ServiceDefaults.Compliance;

/// <summary>The data classes this product handles. Anything classified here is redacted before it reaches a log.</summary>
public static class DataTaxonomy
{
    public const string Name = "VideoEngager";

    /// <summary>A visitor's or agent's name, e-mail address or phone number.</summary>
    public static DataClassification PersonalData { get; } = new(Name, nameof(PersonalData));
}

/// <summary>Marks a log parameter or property as personal data (name, e-mail, phone).</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class PersonalDataAttribute() : DataClassificationAttribute(DataTaxonomy.PersonalData);
