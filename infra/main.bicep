// Everything Commentary needs in Azure, for `azd up`: one resource group holding storage, a Flex Consumption
// Function App that reaches storage with a user-assigned identity (no keys anywhere), a Key Vault for its secrets,
// monitoring, and, with vnetEnabled, a virtual network that storage is reachable from only.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it names the resource group and seeds every resource name.')
param environmentName string

// Regions that offered the Flex Consumption plan when this list was last checked (docs/deploy.md says how to
// check again). A region outside it fails here, before anything is created; azd offers only these when it asks.
@minLength(1)
@description('Azure region for every resource; one that offers the Flex Consumption plan.')
@allowed([
  'australiaeast'
  'australiasoutheast'
  'brazilsouth'
  'canadacentral'
  'centralindia'
  'centralus'
  'eastasia'
  'eastus'
  'eastus2'
  'francecentral'
  'germanywestcentral'
  'italynorth'
  'japaneast'
  'japanwest'
  'koreacentral'
  'northcentralus'
  'northeurope'
  'norwayeast'
  'southafricanorth'
  'southcentralus'
  'southeastasia'
  'southindia'
  'spaincentral'
  'swedencentral'
  'switzerlandnorth'
  'uaenorth'
  'uksouth'
  'ukwest'
  'westcentralus'
  'westeurope'
  'westus'
  'westus2'
  'westus3'
])
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Put storage behind private endpoints in a virtual network the app integrates with, and close its public access.')
param vnetEnabled bool = false

@minValue(40)
@maxValue(1000)
@description('Most instances Flex Consumption may scale the app out to; each adds storage requests (docs/scale.md).')
param maximumInstanceCount int = 100

@description('Object id of the person running azd. They get data access to the storage account so the CLI can import articles and comments. Leave empty to grant nothing.')
param principalId string = ''

@description('Kind of principal that principalId names.')
@allowed([
  'User'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Origins allowed to call the API from a browser, separated by commas, e.g. "https://example.com,https://www.example.com".')
param allowedOrigins string = ''

@description('Name of the first moderator, recorded with each decision they take. Empty means "moderator".')
param moderatorName string = ''

@secure()
@minLength(64)
@maxLength(64)
@description('Lower-case hex SHA-256 of the first moderator\'s key: printf %s "$KEY" | sha256sum. The key itself is never deployed.')
param moderatorKeySha256 string

@description('Optional: the Microsoft Entra tenant (directory) id whose people sign in as moderators (docs/signing-in.md). Empty leaves sign-in off: keys only.')
param signInTenantId string = ''

@description('The client (application) id of the Entra app registration with the app roles Commentary.Moderator and Commentary.Admin. Needed with signInTenantId.')
param signInClientId string = ''

@description('The audience access tokens must carry: the client id for v2.0 tokens (the default when empty), or the Application ID URI, e.g. "api://commentary".')
param signInAudience string = ''

@description('The scope the dashboard asks Entra for besides openid and profile, so that it gets an access token for this API: the scope exposed under "Expose an API", e.g. "api://commentary/Moderate".')
param signInScope string = ''

@secure()
@minLength(32)
@description('Key for the HMAC that turns client IP addresses into the only form we store: openssl rand -hex 32. Keep it: changing it unlinks bans and flood counts from earlier hashes.')
param ipHashKey string

@secure()
@description('Optional Akismet API key. Empty leaves the Akismet check off.')
param akismetApiKey string = ''

@description('The front page of the site the Akismet key was issued for, e.g. "https://example.com/". Needed with akismetApiKey.')
param akismetSiteUrl string = ''

@description('Where the publisher shows an article, with {slug} in it, e.g. "https://example.org/articles/{slug}": comment feed entries then link to their comment there. Empty leaves the entries without a link.')
param feedArticleUrl string = ''

@description('Optional SMTP server for moderators\' private replies to commenters in crisis. Empty leaves mail off.')
param mailHost string = ''

@description('The SMTP server\'s port.')
param mailPort string = '587'

@description('The sender, "comments@example.com" or "Name <comments@example.com>". Needed with mailHost.')
param mailFrom string = ''

@description('The SMTP login, if the server needs one.')
param mailUserName string = ''

@secure()
@description('The SMTP password, with mailUserName.')
param mailPassword string = ''

@allowed([
  'StartTls'
  'Tls'
])
@description('StartTls (upgrade on 587) or Tls (TLS from the first byte, usually 465).')
param mailSecurity string = 'StartTls'

@description('Moderators\' email addresses for alerts (urgent comments at once, held ones in digests), separated by commas. Needs mailHost and mailFrom. Empty sends no mail alerts.')
param moderatorEmails string = ''

@description('Minutes between digests of held comments (0 sends one message per comment). Urgent comments never wait.')
param notificationDigestMinutes string = '15'

@allowed([
  ''
  'true'
  'false'
])
@description('Offer commenters mail about their comments (double opt-in): empty offers it whenever mail and the link-signing key are set, "false" never, "true" insists (start-up names what is missing).')
param commenterEmails string = ''

@description('The public address of the API that links in messages start with, e.g. "https://comments.example.org/api". Empty uses the Function App\'s own address.')
param notificationPublicUrl string = ''

@secure()
@description('Optional key (at least 32 characters: openssl rand -hex 32) that signs the Approve and Reject links in moderators\' messages. Empty: messages carry only the dashboard link.')
param notificationLinkSigningKey string = ''

@secure()
@description('Optional webhook URL for moderators\' alerts (a Slack incoming webhook, a Teams Workflows webhook, or your own https endpoint). Empty calls none.')
param moderatorWebhookUrl string = ''

@allowed([
  'standard'
  'slack'
  'teams'
])
@description('What moderatorWebhookUrl is sent: standard (our JSON, signed per Standard Webhooks), slack or teams.')
param moderatorWebhookFormat string = 'slack'

@secure()
@description('The Standard Webhooks signing secret for moderatorWebhookUrl ("whsec_" and base64 of 32 random bytes). Needed for the standard format.')
param moderatorWebhookSecret string = ''

@description('The events moderatorWebhookUrl takes, separated by commas. Empty means comment.urgent and comment.held.')
param moderatorWebhookEvents string = ''

// The resource names the application uses: they must equal src/Commentary.Core/Storage/StorageNames.cs,
// which a test checks against the compiled template.
var articlesContainerName = 'articles'
var queueNames = [
  'comment-submissions'
  'comment-submissions-poison'
  'akismet-work'
  'akismet-work-poison'
  'model-retrain'
  'model-retrain-poison'
  'notifications'
  'notifications-poison'
]
var tableNames = [
  'Comments'
  'ModerationIndex'
  'CommenterIndex'
  'IdempotencyKeys'
  'RecentSignals'
  'Bans'
  'SpamFingerprints'
  'CommentHistory'
  'Reports'
  'UsedModerationLinks'
  'Tombstones'
  'NotificationDeliveries'
  'NotificationDigests'
  'Subscriptions'
  'HelpfulMarks'
]

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}
// azd finds the resource to deploy the `api` service of azure.yaml to by this tag; only the site carries it.
var apiTags = {
  'azd-env-name': environmentName
  'azd-service-name': 'api'
}
var functionAppName = 'func-commentary-${resourceToken}'
// Flex Consumption pulls the app package from this container, in an account of its own, with the app's identity.
var deploymentContainerName = 'app-package'
var storageServices = [
  'blob'
  'queue'
  'table'
]
var secretNames = {
  moderatorKeySha256: 'moderator-key-sha256'
  ipHashKey: 'ip-hash-key'
  akismetApiKey: 'akismet-api-key'
  mailPassword: 'mail-password'
  linkSigningKey: 'notification-link-signing-key'
  webhookUrl: 'moderator-webhook-url'
  webhookSecret: 'moderator-webhook-secret'
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: 'id-commentary-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: 'stcomment${resourceToken}'
    location: location
    tags: tags
    containerNames: [
      articlesContainerName
      'settings'
      'models'
    ]
    queueNames: queueNames
    tableNames: tableNames
    privateOnly: vnetEnabled
  }
}

module packageStorage 'app/package-storage.bicep' = {
  name: 'package-storage'
  scope: resourceGroup
  params: {
    name: 'stpkg${resourceToken}'
    location: location
    tags: tags
    containerName: deploymentContainerName
    privateOnly: vnetEnabled
  }
}

module network 'app/network.bicep' = if (vnetEnabled) {
  name: 'network'
  scope: resourceGroup
  params: {
    name: 'vnet-commentary-${resourceToken}'
    location: location
    tags: tags
    storageServices: storageServices
  }
}

module storageEndpoints 'app/private-endpoints.bicep' = if (vnetEnabled) {
  name: 'storage-endpoints'
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    location: location
    tags: tags
    subnetId: network!.outputs.privateEndpointSubnetId
    services: storageServices
    zoneIds: network!.outputs.zoneIds
  }
}

// The package account needs only its blob endpoint, registered in the same blob zone.
module packageEndpoints 'app/private-endpoints.bicep' = if (vnetEnabled) {
  name: 'package-endpoints'
  scope: resourceGroup
  params: {
    storageAccountName: packageStorage.outputs.name
    location: location
    tags: tags
    subnetId: network!.outputs.privateEndpointSubnetId
    services: [
      'blob'
    ]
    zoneIds: [
      network!.outputs.zoneIds[0]
    ]
  }
}

module keyVault 'app/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  params: {
    name: 'kv-cmt-${resourceToken}'
    location: location
    tags: tags
    identityPrincipalId: identity.outputs.principalId
    secretNames: secretNames
    moderatorKeySha256: moderatorKeySha256
    ipHashKey: ipHashKey
    akismetApiKey: akismetApiKey
    mailPassword: mailPassword
    linkSigningKey: notificationLinkSigningKey
    webhookUrl: moderatorWebhookUrl
    webhookSecret: moderatorWebhookSecret
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-commentary-${resourceToken}'
    applicationInsightsName: 'appi-commentary-${resourceToken}'
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    packageStorageAccountName: packageStorage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module api 'app/api.bicep' = {
  name: 'api'
  scope: resourceGroup
  params: {
    planName: 'plan-commentary-${resourceToken}'
    appName: functionAppName
    location: location
    tags: tags
    appTags: apiTags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobServiceUri: storage.outputs.blobServiceUri
    queueServiceUri: storage.outputs.queueServiceUri
    tableServiceUri: storage.outputs.tableServiceUri
    deploymentContainerUrl: packageStorage.outputs.containerUrl
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    allowedOrigins: filter(map(split(allowedOrigins, ','), origin => trim(origin)), origin => !empty(origin))
    moderatorName: empty(trim(moderatorName)) ? 'moderator' : trim(moderatorName)
    keyVaultUri: keyVault.outputs.uri
    secretNames: secretNames
    akismetKeyStored: !empty(akismetApiKey)
    mailPasswordStored: !empty(mailPassword)
    akismetSiteUrl: akismetSiteUrl
    feedArticleUrl: feedArticleUrl
    signInTenantId: signInTenantId
    signInClientId: signInClientId
    signInAudience: signInAudience
    signInScope: signInScope
    mailHost: mailHost
    mailPort: mailPort
    mailFrom: mailFrom
    mailUserName: mailUserName
    mailSecurity: mailSecurity
    moderatorEmails: moderatorEmails
    notificationDigestMinutes: notificationDigestMinutes
    commenterEmails: commenterEmails
    notificationPublicUrl: notificationPublicUrl
    linkSigningKeyStored: !empty(notificationLinkSigningKey)
    webhookUrlStored: !empty(moderatorWebhookUrl)
    webhookSecretStored: !empty(moderatorWebhookSecret)
    moderatorWebhookFormat: moderatorWebhookFormat
    moderatorWebhookEvents: moderatorWebhookEvents
    maximumInstanceCount: maximumInstanceCount
    subnetId: vnetEnabled ? network!.outputs.appSubnetId : ''
  }
  // The app starts as soon as it exists; its identity must already be allowed into storage, and with vnetEnabled
  // storage must already be reachable through its private endpoints.
  dependsOn: [
    rbac
    storageEndpoints
    packageEndpoints
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = api.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output API_URL string = api.outputs.apiUrl
