using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using VideoEngager.Admin.V1;
using VideoEngager.Scheduling.Availability;
using VideoEngager.Scheduling.Bookings;
using VideoEngager.Scheduling.Persistence;
using VideoEngager.Scheduling.Queues;
using VideoEngager.Scheduling.Tenancy;
using VideoEngager.Scheduling.Validation;

namespace VideoEngager.Scheduling.Administration;

/// <summary>Creates and changes tenants, agent groups and queues.</summary>
internal sealed class AdminService(SchedulingDbContext db, QueueSnapshots snapshots, TimeProvider clock) : Admin.V1.Admin.AdminBase
{
    public override async Task<CreateApiSecretReply> CreateApiSecret(CreateApiSecretRequest request, ServerCallContext context)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == request.TenantId, context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"Tenant '{request.TenantId}' was not found."));
        }
        // 256 random bits, shown once; only the hash is kept.
        var secret = WidgetKey.New();
        var id = "sec_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        db.TenantApiSecrets.Add(new TenantApiSecret
        {
            Id = id, TenantId = request.TenantId, SecretHash = WidgetKey.Hash(secret), CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(context.CancellationToken);
        return new CreateApiSecretReply { Id = id, Secret = secret };
    }

    public override async Task<RevokeApiSecretReply> RevokeApiSecret(RevokeApiSecretRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        var revoked = await db.TenantApiSecrets
            .Where(s => s.Id == request.Id && s.TenantId == request.TenantId && s.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.RevokedAt, now), context.CancellationToken);
        return revoked == 1
            ? new RevokeApiSecretReply()
            : throw new RpcException(new Status(StatusCode.NotFound, $"API secret '{request.Id}' was not found."));
    }

    public override async Task<CreateTenantReply> CreateTenant(CreateTenantRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        QueueConfigMapping.CheckId(request.Id, violations);
        if (request.Name.Trim().Length is 0 or > 200)
        {
            violations.Add("name", "Name must be 1 to 200 characters.");
        }
        if (!VisitorValidation.IsEmailAddress(request.SenderEmail))
        {
            violations.Add("senderEmail", "Sender e-mail must be an e-mail address.");
        }
        foreach (var origin in request.AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath != "/")
            {
                violations.Add("allowedOrigins", $"'{origin}' is not an origin such as https://shop.example.");
            }
        }
        violations.ThrowIfAny();

        if (await db.Tenants.AnyAsync(t => t.Id == request.Id, context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"Tenant '{request.Id}' already exists."));
        }
        var widgetKey = WidgetKey.New();
        db.Tenants.Add(new Tenant
        {
            Id = request.Id,
            Name = request.Name.Trim(),
            SenderEmail = request.SenderEmail,
            WidgetKeyHash = WidgetKey.Hash(widgetKey),
            AllowedOrigins = [.. request.AllowedOrigins.Select(o => o.TrimEnd('/'))],
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(context.CancellationToken);
        return new CreateTenantReply { Id = request.Id, WidgetKey = widgetKey };
    }

    public override async Task<PutAgentGroupReply> PutAgentGroup(PutAgentGroupRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        QueueConfigMapping.CheckId(request.Id, violations);
        for (var i = 0; i < request.Agents.Count; i++)
        {
            if (request.Agents[i].Name.Trim().Length is 0 or > 200)
            {
                violations.Add($"agents[{i}].name", "Name must be 1 to 200 characters.");
            }
            if (!VisitorValidation.IsEmailAddress(request.Agents[i].Email))
            {
                violations.Add($"agents[{i}].email", "Email must be an e-mail address.");
            }
        }
        violations.ThrowIfAny();
        await RequireTenantAsync(request.TenantId, context.CancellationToken);

        var agents = request.Agents.Select(a => new Agent(a.Name.Trim(), a.Email)).ToList();
        var group = await db.AgentGroups.SingleOrDefaultAsync(g => g.TenantId == request.TenantId && g.Id == request.Id, context.CancellationToken);
        if (group is null)
        {
            db.AgentGroups.Add(new AgentGroup { TenantId = request.TenantId, Id = request.Id, Agents = agents });
        }
        else
        {
            group.Agents = agents;
        }
        await db.SaveChangesAsync(context.CancellationToken);
        var queues = await db.Queues.Where(q => q.TenantId == request.TenantId && q.AgentGroupId == request.Id)
            .Select(q => q.Id).ToListAsync(context.CancellationToken);
        foreach (var queueId in queues)
        {
            await snapshots.SetupChangedAsync(request.TenantId, queueId);
        }
        return new PutAgentGroupReply { Id = request.Id, Agents = agents.Count };
    }

    public override async Task<QueueConfig> PutQueue(PutQueueRequest request, ServerCallContext context)
    {
        var config = request.Queue ?? new QueueConfig();
        var violations = new FieldViolations();
        QueueConfigMapping.Validate(config, violations);
        violations.ThrowIfAny();
        await RequireTenantAsync(request.TenantId, context.CancellationToken);
        if (!string.IsNullOrEmpty(config.AgentGroupId)
            && !await db.AgentGroups.AnyAsync(g => g.TenantId == request.TenantId && g.Id == config.AgentGroupId, context.CancellationToken))
        {
            violations.Add("agentGroupId", $"Agent group '{config.AgentGroupId}' does not exist.").ThrowIfAny();
        }

        var queue = await db.Queues.SingleOrDefaultAsync(q => q.TenantId == request.TenantId && q.Id == config.Id, context.CancellationToken);
        if (request.CreateOnly && queue is not null)
        {
            throw new RpcException(new Status(StatusCode.AlreadyExists, $"Queue '{config.Id}' already exists."));
        }
        if (!request.CreateOnly && queue is null)
        {
            throw BookingErrors.NotFound($"Queue '{config.Id}'");
        }
        if (queue is null)
        {
            queue = new Queue { TenantId = request.TenantId, Id = config.Id, Name = config.Name, TimeZone = config.TimeZone };
            db.Queues.Add(queue);
        }
        QueueConfigMapping.Apply(config, queue);
        await db.SaveChangesAsync(context.CancellationToken);
        await snapshots.SetupChangedAsync(request.TenantId, queue.Id);
        return QueueConfigMapping.ToMessage(queue);
    }

    private async Task RequireTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            throw BookingErrors.NotFound($"Tenant '{tenantId}'");
        }
    }
}
