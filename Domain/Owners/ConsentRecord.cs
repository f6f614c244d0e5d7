using System;

namespace PropertyCrm.Domain.Owners;

/// <summary>
/// One purpose's consent as stored on the owner: whether it is given, when it was last given and when it
/// was last withdrawn. Both dates are kept after a withdrawal so the history reads from the row itself;
/// the full trail is in the audit log.
/// </summary>
public sealed record ConsentRecord(bool Granted, DateTimeOffset? GrantedOn, DateTimeOffset? WithdrawnOn)
{
    public static ConsentRecord None { get; } = new(false, null, null);
}
