using Microsoft.AspNetCore.Http.HttpResults;
using VideoEngager.Genesys.Emulator.Routing;

namespace VideoEngager.Genesys.Emulator.Callbacks;

/// <summary>Not part of the platform: lets tests see every callback the emulator holds.</summary>
internal static class CallbackAdminEndpoints
{
    public static IEndpointRouteBuilder MapCallbackAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/emulator/callbacks").WithTags("Emulator");
        admin.MapGet("/", List).WithName("ListCallbacks");
        admin.MapGet("/{conversationId:guid}", Get).WithName("GetCallbackDetails");
        return routes;
    }

    internal static Ok<List<CallbackAdminView>> List(RoutingEngine engine, RoutingDirectory directory) =>
        TypedResults.Ok(engine.List().Select(c => CallbackAdminView.Of(c, directory)).ToList());

    internal static Results<Ok<CallbackAdminView>, NotFound> Get(Guid conversationId, RoutingEngine engine, RoutingDirectory directory) =>
        engine.Find(conversationId) is { } callback
            ? TypedResults.Ok(CallbackAdminView.Of(callback, directory))
            : TypedResults.NotFound();
}
