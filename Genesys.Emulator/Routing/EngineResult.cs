using VideoEngager.Genesys.Emulator.Callbacks;

namespace VideoEngager.Genesys.Emulator.Routing;

internal enum EngineOutcome
{
    Ok,
    NotFound,
    /// <summary>The request does not fit the callback's current state (e.g. accepting an offer that expired).</summary>
    Conflict,
}

internal readonly record struct EngineResult(EngineOutcome Outcome, string? Message = null, CallbackSnapshot? Callback = null)
{
    public static EngineResult Ok(CallbackSnapshot callback) => new(EngineOutcome.Ok, null, callback);

    public static EngineResult NotFound(string message) => new(EngineOutcome.NotFound, message);

    public static EngineResult Conflict(string message) => new(EngineOutcome.Conflict, message);
}
