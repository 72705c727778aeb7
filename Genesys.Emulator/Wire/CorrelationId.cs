namespace VideoEngager.Genesys.Emulator.Wire;

/// <summary>Gives every response an <c>inin-correlation-id</c>, which error bodies repeat as <c>contextId</c>.</summary>
internal static class CorrelationId
{
    public const string Header = "inin-correlation-id";
    private static readonly object ItemKey = new();

    public static string Of(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var value) && value is string id)
        {
            return id;
        }
        id = Guid.NewGuid().ToString();
        context.Items[ItemKey] = id;
        return id;
    }

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var id = Of(context);
            // OnStarting survives the exception handler clearing the response headers.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = id;
                return Task.CompletedTask;
            });
            await next(context);
        });
}
