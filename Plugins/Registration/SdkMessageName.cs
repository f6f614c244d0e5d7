using System;

namespace PropertyCrm.Plugins.Registration;

/// <summary>
/// The platform message names a step declares (DLaB.Xrm's <c>MessageType</c>, as constants). Constants rather than a
/// class of instances because a declaration's <see cref="StepDeclaration.Message"/> is also a Custom API's unique name,
/// the generator writes it verbatim into the Solution XML, and the harness routes on it: one string everywhere.
/// Compare only with <see cref="Is"/>: Dataverse treats message names case-insensitively, so one rule does too.
/// </summary>
public static class SdkMessageName
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const string Assign = "Assign";
    public const string SetState = "SetState";
    public const string SetStateDynamicEntity = "SetStateDynamicEntity";

    /// <summary>The one comparison rule for message names (ordinal, ignoring case).</summary>
    public static bool Is(string? actual, string expected) => string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase);
}
