namespace VideoEngager;

/// <summary>Aspire resource names shared by the AppHost, the services and the tests.</summary>
public static class ResourceNames
{
    public const string Database = "videoengager-db";
    public const string DatabaseName = "videoengager";
    public const string Redis = "redis";
    public const string Smtp = "smtp";
    public const string SchedulingGrpc = "scheduling-grpc";
    public const string EscalationApi = "escalation-api";
    public const string NotifierWorker = "notifier-worker";
    public const string Genesys = "genesys";
    public const string Turn = "turn";
}
