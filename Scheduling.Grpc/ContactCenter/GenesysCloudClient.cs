using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using PhoneNumbers;

namespace VideoEngager.Scheduling.ContactCenter;

/// <summary>
/// Genesys Cloud's Platform API (callbacks and routing look-ups) as a typed <see cref="HttpClient"/>. One attempt per
/// call: retrying is the dispatcher's job, which keeps its state in the outbox and never re-sends a create blindly.
/// Each call is a span of its own around the HTTP spans; a 401 fetches a new token and tries once more.
/// </summary>
internal sealed class GenesysCloudClient(
    HttpClient http, GenesysAccessTokens tokens, RoutingIdCache routing, IOptions<GenesysOptions> options) : IContactCenter
{
    private const int MaxLookupPages = 5;
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    public async Task<CreatedCallback> CreateCallbackAsync(CallbackRequest request, CancellationToken cancellationToken)
    {
        using var activity = ContactCenterTelemetry.Source.StartActivity("genesys callback create", ActivityKind.Client);
        var body = await BodyForAsync(request, cancellationToken);
        using var response = await SendAsync(HttpMethod.Post, "api/v2/conversations/callbacks", body, "create callback", cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<CreateCallbackAnswer>(GenesysWire.Json, cancellationToken);
        if (answer?.Conversation?.Id is not { Length: > 0 } conversationId)
        {
            // Created, most likely, but unidentifiable: creating again could make a second one.
            throw new ContactCenterException("Genesys create callback: the answer holds no conversation id.",
                transient: false, status: (int)response.StatusCode);
        }
        activity?.SetTag("genesys.conversation.id", conversationId);
        var callbackId = answer.CallbackIdentifiers?.FirstOrDefault(i => i.Type == "ACD")?.Id;
        return new CreatedCallback(conversationId, callbackId);
    }

    /// <summary>
    /// <c>POST /api/v2/conversations/{conversationId}/participants/{participantId}/callbacks</c> with the SDKs'
    /// <c>CreateCallbackOnConversationCommand</c> (the create's fields); the SDKs model its answer as empty.
    /// </summary>
    public async Task<CreatedCallback> CreateCallbackOnConversationAsync(
        string conversationId, string participantId, CallbackRequest request, CancellationToken cancellationToken)
    {
        using var activity = ContactCenterTelemetry.Source.StartActivity("genesys conversation callback create", ActivityKind.Client);
        activity?.SetTag("genesys.conversation.id", conversationId);
        var body = await BodyForAsync(request, cancellationToken);
        using var response = await SendAsync(HttpMethod.Post,
            $"api/v2/conversations/{Uri.EscapeDataString(conversationId)}/participants/{Uri.EscapeDataString(participantId)}/callbacks",
            body, "create callback on conversation", cancellationToken);
        return new CreatedCallback(conversationId, null);
    }

    public async Task<string?> FindConversationOfMessageAsync(string messageId, CancellationToken cancellationToken)
    {
        using var activity = ContactCenterTelemetry.Source.StartActivity("genesys message details", ActivityKind.Client);
        try
        {
            using var response = await SendAsync(HttpMethod.Get,
                $"api/v2/conversations/messages/{Uri.EscapeDataString(messageId)}/details", null, "get message details", cancellationToken);
            var details = await response.Content.ReadFromJsonAsync<MessageDetailsWire>(GenesysWire.Json, cancellationToken);
            return details?.ConversationId is { Length: > 0 } id ? id : null;
        }
        catch (ContactCenterException e) when (e.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.BadRequest)
        {
            return null; // unknown, or not an id the platform could ever have made
        }
    }

    public async Task<ChatConversation?> GetChatAsync(string conversationId, CancellationToken cancellationToken)
    {
        using var activity = ContactCenterTelemetry.Source.StartActivity("genesys conversation get", ActivityKind.Client);
        activity?.SetTag("genesys.conversation.id", conversationId);
        try
        {
            using var response = await SendAsync(HttpMethod.Get,
                $"api/v2/conversations/{Uri.EscapeDataString(conversationId)}", null, "get conversation", cancellationToken);
            var conversation = await response.Content.ReadFromJsonAsync<ConversationWire>(GenesysWire.Json, cancellationToken);
            var participants = conversation?.Participants ?? [];
            var guest = participants.FirstOrDefault(p => p.Purpose == "customer" && p.Messages is { Count: > 0 });
            return new ChatConversation(
                conversation?.Id ?? conversationId,
                guest?.Id,
                guest is not null && guest.Messages!.Any(m => IsLive(m.State ?? guest.State)),
                guest?.Attributes ?? [],
                participants.Any(p => p.Callbacks?.Any(c => IsLive(c.State ?? p.State)) == true));
        }
        catch (ContactCenterException e) when (e.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.BadRequest)
        {
            return null;
        }
    }

    public async Task<NotificationChannelInfo> CreateNotificationChannelAsync(CancellationToken cancellationToken)
    {
        using var activity = ContactCenterTelemetry.Source.StartActivity("genesys notification channel create", ActivityKind.Client);
        using var response = await SendAsync(HttpMethod.Post, "api/v2/notifications/channels", null, "create notification channel", cancellationToken);
        var channel = await response.Content.ReadFromJsonAsync<ChannelWire>(GenesysWire.Json, cancellationToken);
        if (channel is not { Id.Length: > 0, ConnectUri: { } connectUri })
        {
            throw new ContactCenterException("Genesys create notification channel: the answer holds no channel.",
                transient: true, status: (int)response.StatusCode);
        }
        return new NotificationChannelInfo(channel.Id, connectUri, channel.Expires ?? DateTimeOffset.MaxValue);
    }

    public async Task<int> SubscribeToCallbacksAsync(string channelId, IReadOnlyCollection<string> queueNames, CancellationToken cancellationToken)
    {
        using var activity = ContactCenterTelemetry.Source.StartActivity("genesys notification subscribe", ActivityKind.Client);
        var topics = new List<ChannelTopicWire>();
        foreach (var name in queueNames)
        {
            if (await ResolveAsync(RoutingKind.Queue, name, cancellationToken) is { } queueId)
            {
                topics.Add(new ChannelTopicWire(GenesysWire.CallbackTopic(queueId)));
            }
        }
        using var response = await SendAsync(HttpMethod.Put,
            $"api/v2/notifications/channels/{Uri.EscapeDataString(channelId)}/subscriptions", topics, "subscribe notification channel",
            cancellationToken);
        return topics.Count;
    }

    /// <summary>A leg in any state but ended: the platform names the end <c>disconnected</c> or <c>terminated</c>.</summary>
    private static bool IsLive(string? state) => state is not ("disconnected" or "terminated");

    /// <summary>The create's body: routing names resolved to the org's ids.</summary>
    private async Task<CreateCallbackBody> BodyForAsync(CallbackRequest request, CancellationToken cancellationToken)
    {
        var queueId = await ResolveAsync(RoutingKind.Queue, request.QueueName, cancellationToken)
            ?? throw Unknown("queue", request.QueueName);
        var skillIds = new List<string>();
        foreach (var skill in request.SkillNames.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            skillIds.Add(await ResolveAsync(RoutingKind.Skill, skill, cancellationToken) ?? throw Unknown("skill", skill));
        }
        // Routing on a language the org lacks would strand the callback: without it, skills alone decide.
        var languageId = LanguageName(request.Language) is { } language
            ? await ResolveAsync(RoutingKind.Language, language, cancellationToken)
            : null;
        return new CreateCallbackBody(
            new RoutingDataBody(queueId, skillIds, languageId, request.Priority),
            request.CustomerName,
            [request.PhoneNumber],
            request.ScheduledTime is { } scheduled ? GenesysWire.Instant(scheduled) : null,
            CountryCode(request.PhoneNumber),
            request.Data);
    }

    public async Task RescheduleCallbackAsync(string conversationId, DateTimeOffset scheduledTime, CancellationToken cancellationToken)
    {
        using var activity = ContactCenterTelemetry.Source.StartActivity("genesys callback reschedule", ActivityKind.Client);
        activity?.SetTag("genesys.conversation.id", conversationId);
        using var response = await SendAsync(HttpMethod.Patch, "api/v2/conversations/callbacks",
            new PatchCallbackBody(conversationId, GenesysWire.Instant(scheduledTime)), "reschedule callback", cancellationToken);
    }

    public async Task CancelCallbackAsync(string conversationId, string? callbackId, CancellationToken cancellationToken)
    {
        using var activity = ContactCenterTelemetry.Source.StartActivity("genesys callback disconnect", ActivityKind.Client);
        activity?.SetTag("genesys.conversation.id", conversationId);
        using var response = await SendAsync(HttpMethod.Post, "api/v2/conversations/callbacks/bulk/disconnect",
            new BulkDisconnectBody([new DisconnectIdentifier(conversationId, callbackId)]), "disconnect callback", cancellationToken);
    }

    public async Task<CallbackInfo?> FindCallbackAsync(string conversationId, CancellationToken cancellationToken)
    {
        using var activity = ContactCenterTelemetry.Source.StartActivity("genesys callback get", ActivityKind.Client);
        activity?.SetTag("genesys.conversation.id", conversationId);
        try
        {
            using var response = await SendAsync(HttpMethod.Get,
                $"api/v2/conversations/callbacks/{Uri.EscapeDataString(conversationId)}", null, "get callback", cancellationToken);
            var conversation = await response.Content.ReadFromJsonAsync<CallbackConversationWire>(GenesysWire.Json, cancellationToken);
            return CallbackInfo.FromParticipants(conversation?.Id ?? conversationId, conversation?.Participants ?? []);
        }
        catch (ContactCenterException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>POST /api/v2/conversations/participants/attributes/search</c> with an EXACT criterion on the callback's
    /// <c>bookingId</c> attribute. Confirmed from the official SDKs' docs: the path, permission
    /// <c>conversation:participant:attributesview</c>, the request model (<c>query</c> of criteria
    /// <c>type</c>/<c>fields</c>/<c>value</c>, <c>cursor</c>) and a cursor-paged answer of <c>results</c>. Not confirmed:
    /// the row shape (read as <c>conversation.id</c> or <c>conversationId</c>) and whether an org accepts a criterion on
    /// a custom attribute (one public integration reports a 400 "Search not supported."); the caller then falls back.
    /// The platform's search index may lag a just-made callback, which the dispatcher's retry spacing absorbs.
    /// </summary>
    public async Task<string?> FindCallbackIdByBookingAsync(string bookingId, CancellationToken cancellationToken)
    {
        using var activity = ContactCenterTelemetry.Source.StartActivity("genesys callback search", ActivityKind.Client);
        string? cursor = null;
        // One match is enough; pages are followed only past rows without an id.
        for (var page = 1; page <= MaxLookupPages; page++)
        {
            using var response = await SendAsync(HttpMethod.Post, "api/v2/conversations/participants/attributes/search",
                new ParticipantSearchBody([new SearchCriterionBody("EXACT", ["bookingId"], bookingId)], cursor),
                "search callbacks", cancellationToken);
            var answer = await response.Content.ReadFromJsonAsync<ParticipantSearchAnswer>(GenesysWire.Json, cancellationToken);
            var id = answer?.Results?.Select(r => r.Conversation?.Id ?? r.ConversationId).FirstOrDefault(i => i is { Length: > 0 });
            if (id is not null)
            {
                activity?.SetTag("genesys.conversation.id", id);
                return id;
            }
            if (answer?.Cursor is not { Length: > 0 } next || next == cursor)
            {
                break;
            }
            cursor = next;
        }
        return null;
    }

    /// <summary>One HTTP exchange; network failures and timeouts become transient <see cref="ContactCenterException"/>s.</summary>
    internal static async Task<HttpResponseMessage> SendOnceAsync(
        HttpClient http, HttpRequestMessage request, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            // Refused or unresolved: the request never left, so sending it again cannot duplicate anything.
            var neverSent = e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
                or HttpRequestError.SecureConnectionError;
            throw new ContactCenterException($"Genesys {operation}: network error ({e.HttpRequestError}).",
                transient: true, ambiguous: !neverSent, inner: e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout, or the connection aborted mid-request: either way the request may have been served.
            var reason = e.InnerException is TimeoutException ? $"no answer within {http.Timeout.TotalSeconds:0.#} s" : "request aborted";
            throw new ContactCenterException($"Genesys {operation}: {reason}.", transient: true, ambiguous: true, inner: e);
        }
        catch (IOException e)
        {
            throw new ContactCenterException($"Genesys {operation}: connection lost.", transient: true, ambiguous: true, inner: e);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body, string operation, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.Value.ApiBase, path);
        var token = await tokens.GetAsync(http, cancellationToken);
        var response = await SendWithTokenAsync(method, uri, body, token, operation, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // Revoked or expired early: one new token, one more try.
            response.Dispose();
            tokens.Invalidate(token);
            token = await tokens.GetAsync(http, cancellationToken);
            response = await SendWithTokenAsync(method, uri, body, token, operation, cancellationToken);
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            throw await GenesysWire.ErrorAsync(response, operation, cancellationToken);
        }
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(
        HttpMethod method, Uri uri, object? body, string token, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: GenesysWire.Json);
        }
        return await SendOnceAsync(http, request, operation, cancellationToken);
    }

    /// <summary>The id of the entity named exactly <paramref name="name"/>, or null when the org has none.</summary>
    private async Task<string?> ResolveAsync(RoutingKind kind, string name, CancellationToken cancellationToken)
    {
        if (routing.TryGet(kind, name, out var cached))
        {
            return cached;
        }
        var path = kind switch
        {
            RoutingKind.Queue => "api/v2/routing/queues",
            RoutingKind.Skill => "api/v2/routing/skills",
            _ => "api/v2/routing/languages",
        };
        string? id = null;
        // Skills and languages match by leading name, so the exact one may be on a later page.
        for (var page = 1; page <= MaxLookupPages && id is null; page++)
        {
            using var response = await SendAsync(HttpMethod.Get,
                $"{path}?name={Uri.EscapeDataString(name)}&pageSize=100&pageNumber={page}", null,
                $"{kind.ToString().ToLowerInvariant()} look-up", cancellationToken);
            var listing = await response.Content.ReadFromJsonAsync<EntityListingWire>(GenesysWire.Json, cancellationToken);
            id = listing?.Entities?.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))?.Id;
            if (page >= (listing?.PageCount ?? 0))
            {
                break;
            }
        }
        routing.Set(kind, name, id);
        return id;
    }

    private string? LanguageName(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }
        var languages = options.Value.Languages;
        return languages.GetValueOrDefault(language) ?? languages.GetValueOrDefault(language.Split('-')[0]);
    }

    private static string? CountryCode(string phoneNumber)
    {
        try
        {
            var region = Phones.GetRegionCodeForNumber(Phones.Parse(phoneNumber, null));
            return region is null or "ZZ" ? null : region;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    private static ContactCenterException Unknown(string kind, string name) =>
        new($"Genesys has no routing {kind} named '{name}'.", transient: false, status: (int)HttpStatusCode.NotFound, code: "not.found");
}
