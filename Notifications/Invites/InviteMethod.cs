namespace VideoEngager.Notifications.Invites;

/// <summary>The iTIP method (RFC 5546) of an invite; also the <c>method</c> parameter of its text/calendar part.</summary>
public enum InviteMethod
{
    Request,
    Cancel,
}

public static class InviteMethodExtensions
{
    public static string ToIcsValue(this InviteMethod method) => method switch
    {
        InviteMethod.Request => "REQUEST",
        InviteMethod.Cancel => "CANCEL",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };
}
