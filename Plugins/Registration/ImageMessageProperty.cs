using System;
using System.Collections.Generic;

namespace PropertyCrm.Plugins.Registration;

/// <summary>
/// The request parameter that names the row an entity image is taken of (sdkmessageprocessingstepimage.messagepropertyname).
/// It is fixed by the message, not chosen per image: Create has no Target row yet and names the created row by the
/// response's <c>id</c>, so its post-image uses "Id"; Update, Delete and Assign carry the row in "Target"; SetState and
/// SetStateDynamicEntity in "EntityMoniker" (Microsoft Learn, "Register a plug-in › Define entity images"; the
/// Plug-in Registration Tool and spkl pick the same). A message missing here is refused rather than guessed: the
/// platform rejects a step image whose property the message does not have, and only at import.
/// </summary>
public static class ImageMessageProperty
{
    public const string Id = "Id";
    public const string Target = "Target";
    public const string EntityMoniker = "EntityMoniker";

    private static readonly IReadOnlyDictionary<string, string> ByMessage = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [SdkMessageName.Create] = Id,
        [SdkMessageName.Update] = Target,
        [SdkMessageName.Delete] = Target,
        [SdkMessageName.Assign] = Target,
        [SdkMessageName.SetState] = EntityMoniker,
        [SdkMessageName.SetStateDynamicEntity] = EntityMoniker,
    };

    /// <summary>The property for a message, or false when images on that message are not supported here.</summary>
    public static bool TryFor(string message, out string property) => ByMessage.TryGetValue(message ?? string.Empty, out property!);

    /// <summary>The property for a message; throws for a message images are not supported on.</summary>
    public static string For(string message) =>
        TryFor(message, out var property)
            ? property
            : throw new ArgumentException(
                $"消息 '{message}' 不支持实体映像 / entity images are not supported on message '{message}' (known: {string.Join(", ", ByMessage.Keys)})",
                nameof(message));
}
