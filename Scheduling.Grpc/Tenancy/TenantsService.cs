using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Tenancy.V1;

namespace VideoEngager.Scheduling.Tenancy;

/// <summary>Tells the public edge which tenant a widget key belongs to.</summary>
internal sealed class TenantsService(SchedulingDbContext db) : Tenants.TenantsBase
{
    public override async Task<AuthenticateWidgetReply> AuthenticateWidget(AuthenticateWidgetRequest request, ServerCallContext context)
    {
        var hash = WidgetKey.Hash(request.WidgetKey);
        var tenant = await db.Tenants.AsNoTracking()
            .Where(t => t.WidgetKeyHash == hash)
            .Select(t => new { t.Id, t.AllowedOrigins })
            .SingleOrDefaultAsync(context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, "Unknown widget key."));
        return new AuthenticateWidgetReply { TenantId = tenant.Id, AllowedOrigins = { tenant.AllowedOrigins } };
    }
}
