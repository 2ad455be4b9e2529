### Avisos de segurança: enviados a cada contato verificado quando a
### segurança da conta muda, e alertas sobre algo detectado. Os textos que
### vão por SMS evitam, quando possível, caracteres fora do GSM-7.

notice-subject = Alteração de segurança na sua conta do { $service }
notice-alert-subject = Alerta de segurança na sua conta do { $service }

## O que aconteceu ($what abaixo).

notice-factor-added =
    { $factor ->
        [totp] um app autenticador foi adicionado à sua conta
        [hotp] um token físico de códigos foi adicionado à sua conta
        [webauthn] uma chave de acesso ou chave de segurança foi adicionada à sua conta
        [device] um dispositivo confiável foi adicionado à sua conta
       *[recovery_codes] um conjunto de códigos de recuperação foi adicionado à sua conta
    }
notice-factor-removed =
    { $factor ->
        [totp] um app autenticador foi removido da sua conta
        [hotp] um token físico de códigos foi removido da sua conta
        [webauthn] uma chave de acesso ou chave de segurança foi removida da sua conta
        [device] um dispositivo confiável foi removido da sua conta
       *[recovery_codes] um conjunto de códigos de recuperação foi removido da sua conta
    }
notice-email-changed = o e-mail da sua conta foi alterado
notice-phone-changed = o telefone da sua conta foi alterado
notice-codes-regenerated = novos códigos de recuperação foram criados (os antigos não funcionam mais)
notice-totp-replayed = um código do seu app autenticador foi digitado de novo depois de já ter sido usado, o que não acontece no uso normal: outra pessoa pode estar vendo seus códigos
notice-risky-sign-in =
    { $seen ->
        [device] alguém entrou na sua conta a partir de um novo dispositivo
        [country] alguém entrou na sua conta a partir de um novo país
       *[both] alguém entrou na sua conta a partir de um novo dispositivo e de um novo país
    }

## O SMS: UM segmento, 160 caracteres GSM-7 (70 se um deles
## não estiver no GSM-7), com o nome curto do serviço ($service, no máximo 11
## caracteres) e datas curtas ($when, $until: "26/11 01:10 UTC"). O que
## aconteceu ($what) é dito em poucas palavras, sem á í ó ú ã õ ç ê â.

notice-sms-factor-added =
    { $factor ->
        [totp] app autenticador adicionado
        [hotp] token de chaves adicionado
        [webauthn] chave de acesso adicionada
        [device] dispositivo autorizado adicionado
       *[recovery_codes] chaves de backup adicionadas
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] app autenticador removido
        [hotp] token de chaves removido
        [webauthn] chave de acesso removida
        [device] dispositivo autorizado removido
       *[recovery_codes] chaves de backup removidas
    }
notice-sms-email-changed = e-mail da conta alterado
notice-sms-phone-changed = telefone da conta alterado
notice-sms-codes-regenerated = novas chaves de backup criadas
notice-sms-totp-replayed = chave repetida: alguém pode ver suas chaves
notice-sms-risky-sign-in =
    { $seen ->
        [device] acesso de um novo dispositivo
        [country] acesso do exterior
       *[both] acesso de um novo dispositivo no exterior
    }
notice-sms = { $service }: { $what } ({ $when }). Se foi outra pessoa, fale com o atendimento.
notice-sms-held = { $service }: { $what } ({ $when }). Se foi outra pessoa, fale com o atendimento. Saques bloqueados até { $until }.

## Os parágrafos do e-mail (começa com email-hello).

notice-email-what = Em { $when }, { $what }.
notice-email-what-ip = Em { $when }, a partir do endereço IP { $ip }, { $what }.
notice-email-if-you = Se foi você, não precisa fazer nada.
notice-email-if-not-you = Se não foi você, alguém pode ter acesso à sua conta: fale imediatamente com o atendimento do { $service } e não compartilhe nenhum código que receber.
notice-email-held = Para sua proteção, os saques ficam bloqueados até { $until }.
notice-email-never-ask = O { $service } nunca vai pedir um código ou uma senha a você.

## A ligação, lida por uma voz: frases completas, datas longas ($when,
## $until: "26 nov. 2026 às 01:10 UTC"), sempre o bloqueio; as palavras do
## e-mail sem o endereço IP.

notice-call = Esta é uma mensagem de segurança do { $service }. { notice-email-what } { notice-email-if-you } { notice-email-if-not-you }
notice-call-held = { notice-call } { notice-email-held }
