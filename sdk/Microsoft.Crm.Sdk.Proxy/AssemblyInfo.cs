using System;
using System.Runtime.InteropServices;

// As the genuine Microsoft.Crm.Sdk.Proxy 9.0.0.0.
[assembly: CLSCompliant(true)]
[assembly: ComVisible(false)]
