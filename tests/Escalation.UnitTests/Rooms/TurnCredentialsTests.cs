using VideoEngager.Escalation.Rooms;

namespace VideoEngager.Escalation.UnitTests.Rooms;

public sealed class TurnCredentialsTests
{
    [Fact]
    public void The_credential_is_what_coturn_use_auth_secret_computes()
    {
        // Known vector: printf '1767225600:bk_0123' | openssl dgst -sha1 -hmac 'north-secret' -binary | base64
        var credential = TurnCredentials.For("north-secret", "bk_0123", DateTimeOffset.FromUnixTimeSeconds(1767225600));
        Assert.Equal("1767225600:bk_0123", credential.Username);
        Assert.Equal("Sy4aRMHQ1y03ECQdqeAnBCEqP/U=", credential.Password);
    }

    [Fact]
    public void Another_booking_or_expiry_gives_another_password()
    {
        var expiry = DateTimeOffset.FromUnixTimeSeconds(1767225600);
        var password = TurnCredentials.For("north-secret", "bk_0123", expiry).Password;
        Assert.NotEqual(password, TurnCredentials.For("north-secret", "bk_0124", expiry).Password);
        Assert.NotEqual(password, TurnCredentials.For("north-secret", "bk_0123", expiry.AddSeconds(1)).Password);
        Assert.NotEqual(password, TurnCredentials.For("other-secret", "bk_0123", expiry).Password);
    }
}
