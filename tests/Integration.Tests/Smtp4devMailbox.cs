using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Ical.Net;
using MimeKit;

namespace VideoEngager.Integration.Tests;

/// <summary>
/// Reads what reached the app's smtp4dev through its API (<c>/api/messages</c>, <c>/api/messages/{id}/raw</c>). The
/// mailbox is shared by every test of a run, so callers pick their own messages, e.g. by the tenant's sender name.
/// </summary>
internal sealed class Smtp4devMailbox(DistributedApplication app) : IDisposable
{
    private const int PageSize = 5000;
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(200);

    private readonly HttpClient _http = app.CreateHttpClient(ResourceNames.Smtp, "http");
    private readonly Dictionary<string, MimeMessage> _seen = new(StringComparer.Ordinal);

    /// <summary>Waits until at least <paramref name="count"/> messages match, then answers every match.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(
        Func<MimeMessage, bool> match, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        List<MimeMessage> found = [];
        try
        {
            while (true)
            {
                found = [.. (await AllAsync(deadline.Token)).Where(match)];
                if (found.Count >= count)
                {
                    return found;
                }
                await Task.Delay(PollEvery, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Expected {count} matching messages within {timeout}; found {found.Count}: " +
                string.Join(" | ", found.Select(m => m.Subject)));
        }
    }

    /// <summary>Every message received so far, in arrival order (each fetched and parsed once).</summary>
    public async Task<IReadOnlyList<MimeMessage>> AllAsync(CancellationToken cancellationToken)
    {
        var list = await _http.GetFromJsonAsync<JsonElement>($"/api/messages?pageSize={PageSize}", cancellationToken);
        var summaries = list.ValueKind == JsonValueKind.Array ? list : list.GetProperty("results");
        var ordered = summaries.EnumerateArray()
            .Select(s => (Id: s.GetProperty("id").GetString()!, Received: s.GetProperty("receivedDate").GetDateTime()))
            .OrderBy(s => s.Received)
            .ToList();
        foreach (var (id, _) in ordered.Where(s => !_seen.ContainsKey(s.Id)))
        {
            await using var raw = await _http.GetStreamAsync($"/api/messages/{id}/raw", cancellationToken);
            _seen[id] = await MimeMessage.LoadAsync(raw, cancellationToken);
        }
        return [.. ordered.Select(s => _seen[s.Id])];
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>What the tests read from a received message.</summary>
internal static class ReceivedMail
{
    public static bool IsFrom(this MimeMessage message, TestTenant tenant) =>
        message.From.Mailboxes.Any(m => m.Name == "Test " + tenant.TenantId);

    public static string To(this MimeMessage message) => message.To.Mailboxes.Single().Address;

    /// <summary>The text/calendar alternative, parsed; null for a message without an invite.</summary>
    public static Calendar? Invite(this MimeMessage message)
    {
        var part = message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.ContentType.IsMimeType("text", "calendar"));
        return part is null ? null : Calendar.Load(part.Text);
    }

    public static string? AttachedIcs(this MimeMessage message)
    {
        var part = message.Attachments.OfType<MimePart>().FirstOrDefault(p => p.FileName == "invite.ics");
        if (part?.Content is null)
        {
            return null;
        }
        using var text = new MemoryStream();
        part.Content.DecodeTo(text);
        return System.Text.Encoding.UTF8.GetString(text.ToArray());
    }
}
