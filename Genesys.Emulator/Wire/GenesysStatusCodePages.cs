using Microsoft.AspNetCore.Diagnostics;

namespace VideoEngager.Genesys.Emulator.Wire;

/// <summary>Bodiless errors (unknown route, wrong method or media type) still get the platform's error body.</summary>
internal static class GenesysStatusCodePages
{
    public static IApplicationBuilder UseGenesysStatusCodePages(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var message = status switch
            {
                404 => $"The requested resource {http.Request.Path} was not found.",
                405 => $"The method {http.Request.Method} is not allowed on {http.Request.Path}.",
                415 => "The request's content type is not supported.",
                _ => "The request could not be completed.",
            };
            await http.Response.WriteAsJsonAsync(GenesysError.Create(http, status, GenesysError.CodeFor(status), message));
        });
}
