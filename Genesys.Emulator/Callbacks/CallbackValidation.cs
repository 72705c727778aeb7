using System.Diagnostics.CodeAnalysis;
using VideoEngager.Genesys.Emulator.Routing;

namespace VideoEngager.Genesys.Emulator.Callbacks;

/// <summary>Checks a create request the way the platform does: required fields, then every id against the org.</summary>
internal static class CallbackValidation
{
    public static bool TryValidate(
        CreateCallbackRequest request, RoutingDirectory directory,
        [NotNullWhen(true)] out NewCallback? callback, [NotNullWhen(false)] out string? error)
    {
        callback = null;
        if (request.CallbackNumbers is not { Count: > 0 } numbers)
        {
            error = "callbackNumbers is required and must hold at least one number.";
            return false;
        }
        if (numbers.Any(string.IsNullOrWhiteSpace))
        {
            error = "callbackNumbers must not hold an empty number.";
            return false;
        }

        var queueText = request.RoutingData?.QueueId ?? request.QueueId;
        if (string.IsNullOrWhiteSpace(queueText))
        {
            error = "A queue is required: set routingData.queueId (or queueId).";
            return false;
        }
        if (!TryResolve(directory, RoutingKind.Queue, queueText, "queueId", out var queueId, out error))
        {
            return false;
        }

        var skillIds = new List<Guid>();
        foreach (var skill in request.RoutingData?.SkillIds ?? [])
        {
            if (!TryResolve(directory, RoutingKind.Skill, skill, "routingData.skillIds", out var skillId, out error))
            {
                return false;
            }
            skillIds.Add(skillId);
        }

        Guid? languageId = null;
        if (request.RoutingData?.LanguageId is { } languageText)
        {
            if (!TryResolve(directory, RoutingKind.Language, languageText, "routingData.languageId", out var id, out error))
            {
                return false;
            }
            languageId = id;
        }

        var preferred = new List<Guid>();
        foreach (var agentText in request.RoutingData?.PreferredAgentIds ?? [])
        {
            if (!Guid.TryParse(agentText, out var agentId) || directory.FindAgent(agentId) is null)
            {
                error = $"routingData.preferredAgentIds: '{agentText}' is not a valid user id.";
                return false;
            }
            preferred.Add(agentId);
        }

        Guid? scriptId = null;
        if (request.ScriptId is { } scriptText)
        {
            if (!Guid.TryParse(scriptText, out var id))
            {
                error = $"scriptId: '{scriptText}' is not a valid id.";
                return false;
            }
            scriptId = id;
        }

        callback = new NewCallback(
            queueId,
            skillIds.Distinct().ToList(),
            languageId,
            request.RoutingData?.Priority ?? 0,
            preferred,
            request.CallbackUserName,
            [.. numbers.Select(n => n.Trim())],
            request.CallbackScheduledTime?.ToUniversalTime(),
            request.CountryCode,
            scriptId,
            request.Data ?? []);
        error = null;
        return true;
    }

    /// <summary>An id must be a GUID of an entity that exists; names are not accepted, as on the platform.</summary>
    public static bool TryResolve(
        RoutingDirectory directory, RoutingKind kind, string text, string field,
        out Guid id, [NotNullWhen(false)] out string? error)
    {
        if (!Guid.TryParse(text, out id) || directory.Find(kind, id) is null)
        {
            error = $"{field}: '{text}' is not a valid {kind.ToString().ToLowerInvariant()} id.";
            return false;
        }
        error = null;
        return true;
    }
}
