using System.Security.Cryptography;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Tenancy.V1;

namespace VideoEngager.Scheduling.Tenancy;

/// <summary>Tells the public edge which tenant a widget key, or a tenant server's API secret, belongs to.</summary>
internal sealed class TenantsService(SchedulingDbContext db) : Tenants.TenantsBase
{
    public override async Task<AuthenticateApiSecretReply> AuthenticateApiSecret(AuthenticateApiSecretRequest request, ServerCallContext context)
    {
        var presented = Convert.FromHexString(WidgetKey.Hash(request.Secret));
        var hashes = await db.TenantApiSecrets.AsNoTracking()
            .Where(s => s.TenantId == request.TenantId && s.RevokedAt == null)
            .Select(s => s.SecretHash)
            .ToListAsync(context.CancellationToken);
        // Every live secret is compared in full, in constant time: timing tells nothing of which one nearly matched.
        var matched = false;
        foreach (var hash in hashes)
        {
            matched |= CryptographicOperations.FixedTimeEquals(Convert.FromHexString(hash), presented);
        }
        if (!matched)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Unknown tenant or API secret."));
        }
        var queues = await db.Queues.AsNoTracking()
            .Where(q => q.TenantId == request.TenantId)
            .Select(q => q.Id)
            .OrderBy(id => id)
            .ToListAsync(context.CancellationToken);
        return new AuthenticateApiSecretReply { TenantId = request.TenantId, QueueIds = { queues } };
    }

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
