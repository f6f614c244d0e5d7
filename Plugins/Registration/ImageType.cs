namespace PropertyCrm.Plugins.Registration;

/// <summary>Entity image type, with the values Dataverse stores in sdkmessageprocessingstepimage.imagetype.</summary>
public enum ImageType
{
    PreImage = 0,
    PostImage = 1,
    Both = 2,
}
