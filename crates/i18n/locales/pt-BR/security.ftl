### A central de segurança (/security).

security-title = Central de segurança
security-lead = As formas de comprovar que é você e o que aconteceu recentemente na sua conta.
security-methods = Formas de comprovar que é você
security-no-methods = Nenhum autenticador ainda. Adicione um: códigos só por SMS ou e-mail são fáceis de roubar.
security-add-method = Adicionar um método
security-add-totp = Adicionar um app autenticador
security-add-passkey = Adicionar uma chave de acesso
security-add-security-key = Adicionar uma chave de segurança
security-devices = Dispositivos confiáveis
security-no-devices = Nenhum dispositivo confiável.
security-recovery = Códigos de recuperação
security-recovery-left =
    { $n ->
        [one] Resta { $n } de 10 códigos.
       *[other] Restam { $n } de 10 códigos.
    }
security-no-recovery = Nenhum código de recuperação. Gere alguns e guarde em um lugar seguro, caso você perca seus outros métodos.
security-new-recovery = Gerar novos códigos de recuperação
security-contacts = E-mail e telefone
security-email = E-mail
security-phone = Telefone
security-verified = Verificado
security-unverified = Não verificado
security-none = Nenhum
security-activity = Atividade de segurança recente
security-no-activity = Nada ainda.
# Seguido de uma data e hora.
security-added = Adicionado em
# Seguido de uma data e hora.
security-last-used = último uso em
security-never-used = nunca usado
security-remove = Remover
security-sign-out = Sair
security-back-to-app = Voltar para o app
security-back = Voltar para a central de segurança
security-strength =
    { $strength ->
        [phishing_resistant] Resistente a phishing
        [strong] Forte
        [backup] Reserva
       *[weaker] Mais fraco
    }
security-kind =
    { $kind ->
        [passkey] Chave de acesso
        [webauthn] Chave de acesso
        [security_key] Chave de segurança
        [device] Dispositivo confiável
        [totp] App autenticador
        [hotp] Token físico
       *[recovery_codes] Códigos de recuperação
    }
security-sent-codes = Códigos por SMS, ligação ou e-mail
security-notice-added = Pronto: o método foi adicionado. Enviamos um aviso para seu e-mail e telefone verificados.
security-notice-removed = Pronto: o método foi removido. Enviamos um aviso para seu e-mail e telefone verificados.
security-notice-session-ended = Pronto: essa sessão foi encerrada.
security-notice-others-ended = Pronto: suas outras sessões foram encerradas.

## Adicionar um app autenticador.

security-totp-title = Adicionar um app autenticador
security-totp-scan = Escaneie este QR code com seu app autenticador (Google Authenticator, Aegis, 1Password…) e digite o código que ele mostrar.
security-totp-qr = QR code para escanear com seu app autenticador
security-totp-key = Não consegue escanear? Digite esta chave no app:
security-totp-open = Abrir em um app autenticador deste dispositivo
security-totp-code = Código do app
security-totp-code-hint = 6 dígitos. Esta chave só aparece agora.
security-activate = Ativar
security-wrong-code = Este código não está certo. Confira o app e tente de novo.

## Adicionar uma chave de acesso ou uma chave de segurança.

security-passkey-title = Adicionar uma chave de acesso
security-passkey-lead = Seu celular ou computador guarda a chave de acesso e a desbloqueia com sua digital, seu rosto ou seu PIN. Ela só funciona neste site, então um site falso não consegue nada.
security-security-key-title = Adicionar uma chave de segurança
security-security-key-lead = Tenha sua chave de segurança em mãos: conecte-a ou aproxime-a do celular quando for pedido e depois toque nela.
security-webauthn-label = Nome (opcional)
security-webauthn-label-hint = Para reconhecer depois, por exemplo “Notebook do trabalho”.
security-webauthn-start = Continuar
security-webauthn-working = Siga as instruções do seu navegador…
security-webauthn-cancelled = Foi cancelado ou o tempo acabou. Tente de novo.
security-webauthn-failed = Não foi possível adicionar. Tente de novo.

## Códigos de recuperação, confirmações, início e fim da sessão.

security-codes-title = Seus novos códigos de recuperação
security-codes-lead = Cada código funciona uma vez. Imprima ou anote os códigos e guarde em um lugar seguro: eles só aparecem agora. Seus códigos anteriores não funcionam mais.
security-done = Concluir
security-confirm-title = Verificado
security-confirm-lead = Você comprovou que é você. Remover este método?
security-confirm-add-lead = Você comprovou que é você. Continue para adicionar:
security-cancel = Manter
security-opening-title = Abrindo sua central de segurança
security-opening-lead = Um momento…
security-continue = Continuar
security-signed-out-title = Você saiu
security-signed-out-lead = Você saiu da central de segurança.
security-step-up-first-title = Primeiro, confirme que é você
security-step-up-first-lead = Para adicionar uma forma de acesso à sua conta, é preciso uma nova verificação.
security-verify-me = Confirmar que sou eu

## O que deu errado.

security-link-title = Este link não funciona mais
security-link-lead = Os links para a central de segurança funcionam uma vez, por 5 minutos. Volte para o app e abra a central de segurança de novo.
security-session-title = Sua sessão terminou
security-session-lead = Para sua segurança, a central de segurança fecha após 10 minutos sem atividade e após 30 minutos no total. Volte para o app e abra de novo.
security-csrf-title = Não foi possível verificar este pedido
security-csrf-lead = Nada foi alterado. Volte para a central de segurança, recarregue a página e tente de novo.
security-not-found-title = Não encontrado
security-not-found-lead = Este método não está na sua conta.
security-step-up-title = Não verificado
security-step-up-lead = Esta verificação não foi concluída ou já foi usada. Nada foi alterado.
security-unsatisfiable-lead = Para alterar seus métodos, você precisa comprovar que é você com um autenticador e um código por e-mail ou SMS, e esta conta não tem como fazer isso. Fale com o atendimento.
security-locked-lead = Muitos códigos errados: sua conta está bloqueada por um tempo. Tente mais tarde.
security-expired-lead = Esta configuração ficou parada por tempo demais. Comece de novo.
security-error-lead = Nada foi alterado. Tente de novo em instantes.

## Sessões.

security-sessions = Suas sessões
security-sessions-lead = Se você não reconhece uma sessão, encerre-a.
security-this-session = Esta sessão
security-browser-on = { $browser } no { $system }
security-unknown-browser = Navegador desconhecido
# Seguido de uma data e hora.
security-opened = Aberta em
# Seguido de uma data e hora.
security-last-active = última atividade em
security-end-session = Encerrar esta sessão
security-end-others = Encerrar todas as outras sessões
security-end-others-offer = Você fez esta alteração porque algo parecia errado? Encerre também suas outras sessões.

## Atividade recente. $kind: como em security-kind; $purpose: como em code-action.

security-event-factor-activated = Método adicionado: { security-kind }
security-event-factor-removed = Método removido: { security-kind }
security-event-recovery-codes = Novos códigos de recuperação
security-event-factor-activation-failed = Código errado ao adicionar um método
security-event-factor-possible-clone = Uma chave de segurança parecia copiada e foi recusada
security-event-contact-changed =
    { $field ->
        [email] E-mail alterado
       *[phone] Telefone alterado
    }
security-event-challenge-approved = Verificação concluída para { code-action }
security-event-challenge-failed = Verificação sem sucesso para { code-action }
security-event-challenge-denied = Pedido para { code-action } recusado em um dispositivo confiável
security-event-challenge-code-rejected = Código errado digitado
security-event-user-locked = Conta bloqueada após códigos errados
security-event-portal-session-opened = Central de segurança aberta
security-event-portal-session-revoked = Sessão da central de segurança encerrada
