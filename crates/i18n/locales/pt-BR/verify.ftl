### A página de verificação hospedada (/verify/…).

verify-title = Confirme que é você
# $purpose: como em code-action.
verify-lead = { $service } pede que você confirme sua identidade para { code-action }.
verify-payment = O pagamento que você está aprovando
verify-amount = Valor
verify-payee = Para
verify-destination = Conta ou endereço
verify-done = Pronto
verify-method =
    { $method ->
        [webauthn] Chave de acesso ou chave de segurança
        [device] Seu dispositivo conectado
        [totp] App autenticador
        [hotp] Token de códigos
        [email] E-mail
        [sms] SMS
        [voice] Ligação
       *[recovery_code] Código de recuperação
    }
verify-send =
    { $channel ->
        [sms] Receber um código por SMS
        [voice] Prefiro receber uma ligação
       *[email] Receber um código por e-mail
    }
verify-send-to = { verify-send } ({ $to })
verify-code-sent = Digite o código enviado para { $to }
verify-code-totp = Digite o código que aparece no seu app autenticador
verify-code-hotp = Digite o código que aparece no seu token
verify-code-recovery = Digite um dos seus códigos de recuperação
verify-verify = Verificar
verify-resend-wait = Você poderá pedir um novo código em { $time }.
verify-resend-ready = Você já pode pedir um novo código.
verify-not-received = Não recebeu o código?
verify-other-ways = Outras formas de confirmar
verify-choose = Escolha como confirmar
verify-passkey = Usar minha chave de acesso ou chave de segurança
verify-passkey-hint = Seu celular ou computador vai pedir sua digital, seu rosto, seu PIN ou sua chave.
verify-device = Abra { $service } no seu dispositivo conectado e escolha o número { $number }.
verify-device-waiting = Aguardando sua aprovação no dispositivo…
verify-device-check = Já aprovei
verify-next-step = Só mais uma etapa: confirme com uma destas opções.
verify-cancel = Não fui eu: cancelar

## Quando a verificação termina.

verify-finished-approved = Sua identidade foi confirmada.
verify-finished-held = Confirmado. Para sua proteção, este saque fica retido até { $until }, porque suas configurações de segurança mudaram recentemente.
verify-finished-failed = Esta verificação falhou. Comece de novo pelo { $service }.
verify-finished-expired = Esta verificação expirou. Comece de novo pelo { $service }.
verify-finished-cancelled = Esta verificação foi cancelada.
verify-finished-denied = Você recusou este pedido no seu dispositivo.
verify-back-to = Voltar para { $service }
verify-not-found-title = Verificação não encontrada
verify-not-found-lead = Este link não é válido. Comece de novo pelo site ou app que você estava usando.

## O que deu errado na última ação. $attempts: as tentativas restantes.

verify-error-wrong-code = Esse código não está certo. Tentativas restantes: { $attempts }.
verify-error-credential-refused = Essa chave de acesso ou chave de segurança não foi aceita. Tentativas restantes: { $attempts }.
verify-error-too-many-attempts = Muitos códigos errados: esta verificação falhou.
verify-error-resend-too-soon = Aguarde um pouco antes de pedir outro código.
verify-error-delivery-failed = Não conseguimos enviar o código. Escolha outra opção abaixo.
verify-error-rate-limited = Muitos códigos foram enviados. Escolha outra opção ou tente mais tarde.
verify-error-locked = Muitas tentativas sem sucesso. Tente mais tarde.
verify-error-method-unavailable = Esta opção não está disponível para esta verificação.
verify-error-expired = Esta verificação expirou.
verify-error-closed = Esta verificação já terminou.
verify-error-other = Algo deu errado. Tente de novo.
