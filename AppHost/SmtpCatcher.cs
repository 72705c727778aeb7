namespace VideoEngager.AppHost;

/// <summary>smtp4dev (dotnet tool Rnwood.Smtp4dev from the repository's tool manifest) as the local mail server.</summary>
internal static class SmtpCatcher
{
    public const int LocalWebPort = 5081;

    public static IResourceBuilder<ExecutableResource> AddSmtpCatcher(this IDistributedApplicationBuilder builder)
    {
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var smtp = builder.AddExecutable(ResourceNames.Smtp, "dotnet", repositoryRoot)
            .WithHttpEndpoint(port: LocalWebPort, name: "http")
            .WithEndpoint(name: "smtp", scheme: "smtp", isProxied: false);
        var web = smtp.GetEndpoint("http");
        var smtpEndpoint = smtp.GetEndpoint("smtp");
        return smtp
            .WithArgs(context =>
            {
                context.Args.Add("tool");
                context.Args.Add("run");
                context.Args.Add("smtp4dev");
                context.Args.Add("--");
                context.Args.Add(ReferenceExpression.Create($"--urls=http://127.0.0.1:{web.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add(ReferenceExpression.Create($"--smtpport={smtpEndpoint.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add("--db=");           // mail kept in memory
                context.Args.Add("--imapport=0");
                context.Args.Add("--pop3port=0");
                context.Args.Add("--messagestokeep=10000");
            })
            // smtp4dev targets an older runtime than the SDK's.
            .WithEnvironment("DOTNET_ROLL_FORWARD", "Major")
            .WithHttpHealthCheck("/api/messages", endpointName: "http")
            .WithUrlForEndpoint("http", url => url.DisplayText = "Mailbox (smtp4dev)");
    }
}
