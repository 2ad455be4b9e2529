### Códigos enviados por SMS, ligação e e-mail. Cada mensagem cita o serviço
### e a ação que está sendo aprovada e avisa para nunca compartilhar o
### código. Os textos de SMS (code-sms e code-action, que vai dentro dele)
### evitam á í ó ú ã õ ç ê â, que não estão no GSM-7: um só desses
### caracteres converte o SMS para UCS-2 e corta pela metade o que cabe nele.

# O que o código aprova (sem caracteres fora do GSM-7).
code-action =
    { $purpose ->
        [login] entrar na sua conta
        [withdrawal] aprovar um saque
        [security_change] alterar seus métodos de acesso
        [support_call] entrar na sua videochamada com o atendimento
        [verify_contact] confirmar este contato
       *[other] confirmar um pedido
    }
# $recipient: o favorecido, o destino ou "favorecido (destino)".
code-action-payment = { code-action }: { $amount } { $currency } para { $recipient }

## O SMS: UM segmento, linha WebOTP ("@host #code") incluída, em todos os
## casos (um segundo dobra o custo): 160 caracteres GSM-7, ou 70 se um deles
## não estiver no GSM-7. $service é o nome curto do serviço (no máximo 11
## caracteres); um teste gera o caso mais longo.

code-sms = { $service }: use { $code } para { $action }. Vale por { $minutes } min. Nunca o repasse.
# O SMS de um pagamento: $recipient chega encurtado ao que cabe ("Alice Mar...").
code-sms-payment = { $service }: use { $code } para pagar { $amount } { $currency } a { $recipient }. Nunca o repasse.
code-voice = Olá. Aqui é do { $service }. Seu código para { $action } é: { $digits }. Repetindo, seu código é: { $digits }. Nunca compartilhe esse código. Até logo.
# As primeiras palavras de uma ligação: nenhum código (uma caixa postal nunca pode gravá-lo).
code-call-prompt = Olá. Aqui é do { $service }, com o código que você pediu para { $action }. Para ouvir, aperte qualquer tecla do seu telefone agora.
code-call-goodbye = Nenhuma tecla foi apertada, então o código não será lido. Até logo.
code-subject = { $code } é seu código do { $service }

## Os parágrafos do e-mail.

email-hello = Olá,
code-email-intro = Seu código do { $service } para { $action } é:
code-email-expiry =
    { $minutes ->
        [one] Ele expira em { $minutes } minuto. Nunca compartilhe esse código com ninguém: o { $service } nunca vai pedi-lo a você.
       *[other] Ele expira em { $minutes } minutos. Nunca compartilhe esse código com ninguém: o { $service } nunca vai pedi-lo a você.
    }
code-email-not-you = Se você não pediu este código, alguém pode estar tentando usar sua conta. Não digite o código em nenhum lugar e considere trocar sua senha.
