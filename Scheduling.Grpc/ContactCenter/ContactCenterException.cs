namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// A contact-center call that did not succeed. <see cref="Transient"/> failures are retried later (honouring
/// <see cref="RetryAfter"/>); others are permanent for the booking.
/// </summary>
public sealed class ContactCenterException : Exception
{
    public ContactCenterException(string message, bool transient, int? status = null, string? code = null,
        TimeSpan? retryAfter = null, string? correlationId = null, bool ambiguous = false, Exception? inner = null)
        : base(message, inner)
    {
        Transient = transient;
        Status = status;
        Code = code;
        RetryAfter = retryAfter;
        CorrelationId = correlationId;
        Ambiguous = ambiguous;
    }

    public ContactCenterException()
        : this("The contact center call failed.", transient: true)
    {
    }

    public ContactCenterException(string message)
        : this(message, transient: true)
    {
    }

    public ContactCenterException(string message, Exception innerException)
        : this(message, transient: true, inner: innerException)
    {
    }

    public bool Transient { get; }

    /// <summary>The HTTP status, or null when no answer came (network error, timeout).</summary>
    public int? Status { get; }

    /// <summary>The platform's error code, e.g. <c>bad.request</c>, <c>not.found</c>, <c>unauthorized_client</c>.</summary>
    public string? Code { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>The platform's <c>inin-correlation-id</c>, for its support.</summary>
    public string? CorrelationId { get; }

    /// <summary>The request may have been carried out even so: the answer was lost (timeout, connection cut).</summary>
    public bool Ambiguous { get; }

    /// <summary>The status classes the platform's SDKs retry (429, 502, 503, 504), plus 500 and 408.</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;
}
