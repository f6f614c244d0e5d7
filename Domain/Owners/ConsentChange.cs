using System;

namespace PropertyCrm.Domain.Owners;

/// <summary>
/// What a request asks for one purpose: the new flag (null when the request leaves it alone) and dates
/// staff typed themselves (a consent signed on paper yesterday), if any.
/// </summary>
public sealed record ConsentChange(bool? Granted, DateTimeOffset? GrantedOnEntered, DateTimeOffset? WithdrawnOnEntered);
