namespace VideoEngager.Escalation.Bookings;

/// <summary>Fetches a booking's calendar invite from Notifier.Worker, which renders every invite the product sends.</summary>
internal sealed class InviteClient(HttpClient http)
{
    public static readonly Uri BaseAddress = new($"http://{ResourceNames.NotifierWorker}");

    /// <returns>The invite and its content type, or null for an unknown booking or a wrong token.</returns>
    public async Task<(byte[] Content, string ContentType)?> GetAsync(string bookingId, string token, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(
            $"/invites/{Uri.EscapeDataString(bookingId)}?token={Uri.EscapeDataString(token)}", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return (content, response.Content.Headers.ContentType?.ToString() ?? "text/calendar; charset=UTF-8");
    }
}
