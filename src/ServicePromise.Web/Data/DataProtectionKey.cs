// The key ring's rows are the data-protection package's own entity (PersistKeysToDbContext), mapped onto the
// DataProtectionKeys table the app has always had. The short name keeps its entity configuration reading as before.
global using DataProtectionKey = Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey;
