using Microsoft.AspNetCore.Http.HttpResults;
using VideoEngager.Admin.V1;
using AdminClient = VideoEngager.Admin.V1.Admin.AdminClient;

namespace VideoEngager.Escalation.Administration;

internal static class AdminEndpoints
{
    public const string Policy = "admin";

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/admin/tenants").RequireAuthorization(Policy).WithTags("Admin");
        admin.MapPost("", CreateTenant).WithName("CreateTenant").ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{tenantId}/agent-groups", PutAgentGroup).WithName("PutAgentGroup").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{tenantId}/queues", CreateQueue).WithName("CreateQueue")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPut("/{tenantId}/queues/{queueId}", UpdateQueue).WithName("UpdateQueue").ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/{tenantId}/api-secrets", CreateApiSecret).WithName("CreateApiSecret")
            .WithSummary("A secret for the tenant's servers (HTTP Basic with the tenant id), shown once.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/{tenantId}/api-secrets/{secretId}", RevokeApiSecret).WithName("RevokeApiSecret")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    internal static async Task<Created<ApiSecretResponse>> CreateApiSecret(
        string tenantId, AdminClient admin, CancellationToken cancellationToken)
    {
        var reply = await admin.CreateApiSecretAsync(new CreateApiSecretRequest { TenantId = tenantId }, cancellationToken: cancellationToken);
        return TypedResults.Created($"/admin/tenants/{tenantId}/api-secrets/{reply.Id}", new ApiSecretResponse(reply.Id, reply.Secret));
    }

    internal static async Task<NoContent> RevokeApiSecret(
        string tenantId, string secretId, AdminClient admin, CancellationToken cancellationToken)
    {
        await admin.RevokeApiSecretAsync(new RevokeApiSecretRequest { TenantId = tenantId, Id = secretId }, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Created<CreateTenantResponse>> CreateTenant(
        CreateTenantRequest body, AdminClient admin, CancellationToken cancellationToken)
    {
        var reply = await admin.CreateTenantAsync(new Admin.V1.CreateTenantRequest
        {
            Id = body.Id ?? "",
            Name = body.Name ?? "",
            SenderEmail = body.SenderEmail ?? "",
            AllowedOrigins = { body.AllowedOrigins ?? [] },
        }, cancellationToken: cancellationToken);
        return TypedResults.Created($"/admin/tenants/{reply.Id}", new CreateTenantResponse(reply.Id, reply.WidgetKey));
    }

    internal static async Task<Created<AgentGroupResponse>> PutAgentGroup(
        string tenantId, AgentGroupRequest body, AdminClient admin, CancellationToken cancellationToken)
    {
        var reply = await admin.PutAgentGroupAsync(new PutAgentGroupRequest
        {
            TenantId = tenantId,
            Id = body.Id ?? "",
            Agents = { (body.Agents ?? []).Select(a => new AgentMessage { Name = a.Name ?? "", Email = a.Email ?? "" }) },
        }, cancellationToken: cancellationToken);
        return TypedResults.Created($"/admin/tenants/{tenantId}/agent-groups/{reply.Id}", new AgentGroupResponse(reply.Id, reply.Agents));
    }

    internal static async Task<Created<QueueDto>> CreateQueue(
        string tenantId, QueueDto body, AdminClient admin, CancellationToken cancellationToken)
    {
        var reply = await admin.PutQueueAsync(
            new PutQueueRequest { TenantId = tenantId, Queue = QueueMapping.ToMessage(body, body.Id), CreateOnly = true },
            cancellationToken: cancellationToken);
        return TypedResults.Created($"/admin/tenants/{tenantId}/queues/{reply.Id}", QueueMapping.ToDto(reply));
    }

    internal static async Task<Ok<QueueDto>> UpdateQueue(
        string tenantId, string queueId, QueueDto body, AdminClient admin, CancellationToken cancellationToken)
    {
        var reply = await admin.PutQueueAsync(
            new PutQueueRequest { TenantId = tenantId, Queue = QueueMapping.ToMessage(body, queueId) },
            cancellationToken: cancellationToken);
        return TypedResults.Ok(QueueMapping.ToDto(reply));
    }
}
