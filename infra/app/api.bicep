// The Function App on a Flex Consumption plan. Runtime and scale live in functionAppConfig (Flex rejects the
// FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION settings); storage is reached with the identity, and
// secrets are Key Vault references resolved with the same identity.
param planName string
param appName string
param location string
param tags object

@description('Tags for the site alone: azd finds the resource to deploy to by its azd-service-name tag, which no other resource may carry.')
param appTags object
param identityId string
param identityClientId string
param blobServiceUri string
param queueServiceUri string
param tableServiceUri string
param deploymentContainerUrl string
param applicationInsightsConnectionString string
param allowedOrigins array
param moderatorName string

@description('The Key Vault\'s address, ending in a slash.')
param keyVaultUri string

@description('The names of the secrets in the vault: moderatorKeySha256, ipHashKey, akismetApiKey and mailPassword.')
param secretNames object

@description('Whether an Akismet key was stored; without one the setting stays empty and the check is off.')
param akismetKeyStored bool

@description('Whether an SMTP password was stored.')
param mailPasswordStored bool

@description('The site the Akismet key was issued for.')
param akismetSiteUrl string = ''

@description('Where the publisher shows an article, with {slug} in it; empty leaves comment feed entries without a link.')
param feedArticleUrl string = ''

@description('The Entra tenant whose people sign in as moderators; empty leaves sign-in off.')
param signInTenantId string = ''

@description('The client id of the Entra app registration for moderators\' sign-in.')
param signInClientId string = ''

@description('The audience moderators\' access tokens must carry; empty means the client id.')
param signInAudience string = ''

@description('The scope the dashboard asks for besides openid and profile, e.g. api://commentary/Moderate.')
param signInScope string = ''

@description('SMTP server for moderators\' private replies; empty leaves mail off.')
param mailHost string = ''

param mailPort string = '587'

param mailFrom string = ''

param mailUserName string = ''

@allowed([
  'StartTls'
  'Tls'
])
param mailSecurity string = 'StartTls'

@description('Moderators\' addresses for alerts, separated by commas; empty sends none.')
param moderatorEmails string = ''

param notificationDigestMinutes string = '15'

@description('Offer commenters mail about their comments: empty when possible, "true" or "false".')
param commenterEmails string = ''

@description('The API\'s public address for links in messages; empty uses the site\'s own (WEBSITE_HOSTNAME).')
param notificationPublicUrl string = ''

@description('Whether a link-signing key, a webhook URL and its signing secret were stored in the vault.')
param linkSigningKeyStored bool = false
param webhookUrlStored bool = false
param webhookSecretStored bool = false

@allowed([
  'standard'
  'slack'
  'teams'
])
param moderatorWebhookFormat string = 'slack'

param moderatorWebhookEvents string = ''

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Subnet the app integrates with (vnetEnabled); empty for none.')
param subnetId string = ''

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

// Versionless references: after a secret is rotated in the vault the app picks the new value up (docs/deploy.md).
var secretReferences = {
  moderatorKeySha256: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.moderatorKeySha256})'
  ipHashKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.ipHashKey})'
  akismetApiKey: akismetKeyStored ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.akismetApiKey})' : ''
  mailPassword: mailPasswordStored ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.mailPassword})' : ''
  linkSigningKey: linkSigningKeyStored ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.linkSigningKey})' : ''
  webhookUrl: webhookUrlStored ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.webhookUrl})' : ''
  webhookSecret: webhookSecretStored ? '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${secretNames.webhookSecret})' : ''
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: appTags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references resolve with the user-assigned identity (the site has no system-assigned one).
    keyVaultReferenceIdentity: identityId
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
    // No ftpsState here: Flex Consumption rejects it. FTP and basic-auth deployment are switched off below instead.
    siteConfig: {
      minTlsVersion: '1.2'
      http20Enabled: true
      cors: {
        allowedOrigins: allowedOrigins
        supportCredentials: false
      }
      appSettings: [
        // Identity-based storage for the Functions host, the queue trigger and the application alike
        // (Commentary.Core's StorageClients reads the same section).
        {
          name: 'AzureWebJobsStorage__blobServiceUri'
          value: blobServiceUri
        }
        {
          name: 'AzureWebJobsStorage__queueServiceUri'
          value: queueServiceUri
        }
        {
          name: 'AzureWebJobsStorage__tableServiceUri'
          value: tableServiceUri
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identityClientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: applicationInsightsConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identityClientId};Authorization=AAD'
        }
        {
          name: 'Moderation__Moderators__0__Name'
          value: moderatorName
        }
        {
          name: 'Moderation__Moderators__0__KeySha256'
          value: secretReferences.moderatorKeySha256
        }
        // Moderators' Entra ID sign-in: bearer tokens from the tenant, for this app registration. An empty authority
        // leaves it off (keys only).
        {
          name: 'Moderation__SignIn__Authority'
          value: empty(signInTenantId) ? '' : '${environment().authentication.loginEndpoint}${signInTenantId}/v2.0'
        }
        {
          name: 'Moderation__SignIn__ClientId'
          value: signInClientId
        }
        {
          name: 'Moderation__SignIn__Audience'
          value: signInAudience
        }
        {
          name: 'Moderation__SignIn__Scope'
          value: signInScope
        }
        {
          name: 'Privacy__IpHashKey'
          value: secretReferences.ipHashKey
        }
        // An empty key leaves the Akismet check off.
        {
          name: 'Moderation__Akismet__ApiKey'
          value: secretReferences.akismetApiKey
        }
        {
          name: 'Moderation__Akismet__SiteUrl'
          value: akismetSiteUrl
        }
        // An empty address leaves comment feed entries without a link to their page.
        {
          name: 'Feeds__ArticleUrl'
          value: feedArticleUrl
        }
        // An empty host leaves mail off: moderators' private replies then answer 409.
        {
          name: 'Mail__Host'
          value: mailHost
        }
        {
          name: 'Mail__Port'
          value: mailPort
        }
        {
          name: 'Mail__From'
          value: mailFrom
        }
        {
          name: 'Mail__UserName'
          value: mailUserName
        }
        {
          name: 'Mail__Password'
          value: secretReferences.mailPassword
        }
        {
          name: 'Mail__Security'
          value: mailSecurity
        }
        // The template creates every container, queue and table, so the app does not try again on each start
        // (each attempt is a logged 409 per resource and instance). Azurite and the self-host keep the default.
        {
          name: 'Storage__CreateIfMissing'
          value: 'false'
        }
        // Requests reach the worker through the Functions host on this machine, which passes on the front end's
        // X-Forwarded-For (client address and port). Only those local and platform-internal hops are believed.
        {
          name: 'Network__TrustedProxies__0'
          value: '127.0.0.1'
        }
        {
          name: 'Network__TrustedProxies__1'
          value: '::1'
        }
        {
          name: 'Network__TrustedProxies__2'
          value: '169.254.0.0/16'
        }
        {
          name: 'Network__TrustedProxies__3'
          value: '10.0.0.0/8'
        }
        // Moderators' alerts (docs/notifications.md): mail through the Mail__ settings above, and one webhook. An empty
        // public address means the site's own (https://{WEBSITE_HOSTNAME}/api); an empty webhook URL calls none.
        {
          name: 'Notifications__PublicUrl'
          value: notificationPublicUrl
        }
        {
          name: 'Notifications__ModeratorEmails'
          value: moderatorEmails
        }
        {
          name: 'Notifications__DigestMinutes'
          value: notificationDigestMinutes
        }
        // Commenters who ask are mailed when their comment is published or answered (empty: whenever possible).
        {
          name: 'Notifications__CommenterEmails'
          value: commenterEmails
        }
        {
          name: 'Notifications__LinkSigningKey'
          value: secretReferences.linkSigningKey
        }
        {
          name: 'Notifications__Webhooks__moderators__Url'
          value: secretReferences.webhookUrl
        }
        {
          name: 'Notifications__Webhooks__moderators__Format'
          value: moderatorWebhookFormat
        }
        {
          name: 'Notifications__Webhooks__moderators__Secret'
          value: secretReferences.webhookSecret
        }
        {
          name: 'Notifications__Webhooks__moderators__Events'
          value: moderatorWebhookEvents
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

// azd deploys with Entra ID tokens; nobody needs the site's FTP or basic-auth publishing credentials.
resource ftpCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmCredentials 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: app
  name: 'scm'
  properties: {
    allow: false
  }
}

output name string = app.name
output apiUrl string = 'https://${app.properties.defaultHostName}/api'
