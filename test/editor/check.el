;;; check.el --- drives the bundled language server from Emacs 28 with eglot, headless  -*- lexical-binding: t -*-
;; Fails loudly when an answer is missing.  Paths come from the environment set by emacs.test.ts.
(require 'package)
(package-initialize)
(require 'eglot)
(require 'flymake)

(defvar mimspec-failures 0)
(defun mimspec-check (ok what)
  (princ (format "%s %s\n" (if ok "ok  " "FAIL") what))
  (unless ok (setq mimspec-failures (1+ mimspec-failures))))

(defun mimspec-wait (pred seconds)
  "Runs the event loop until PRED holds or SECONDS pass; returns PRED's last value."
  (let ((end (+ (float-time) seconds)) (value nil))
    (while (and (not (setq value (funcall pred))) (< (float-time) end))
      (accept-process-output nil 0.05))
    value))

;; Markdown pages of a MIM get a mode of their own; eglot sends its name as the language id.
(define-derived-mode mim-markdown-mode text-mode "MIM")
(add-to-list 'auto-mode-alist '("\\.md\\'" . mim-markdown-mode))
(add-to-list 'eglot-server-programs
             `(mim-markdown-mode . ("node" ,(getenv "MIMSPEC_SERVER") "--stdio")))

(let* ((root (file-name-as-directory (getenv "MIMSPEC_WORKSPACE")))
       (mech (find-file-noselect (concat root "docs/mechanisms.md"))))
  (with-current-buffer mech
    (setq-local default-directory root)
    ;; What `M-x eglot' does, without its prompts; `eglot-ensure' waits for a command loop that batch mode lacks.
    (apply #'eglot (eglot--guess-contact))
    (mimspec-check (mimspec-wait (lambda () (eglot-current-server)) 20) "the server starts")
    ;; Break a mapping row (line 13) and wait for the diagnostic there.
    (goto-char (point-min))
    (forward-line 12)
    (delete-region (line-beginning-position) (line-end-position))
    (insert "| R9.9 | Systems MAY accept reservations of loading slots. | A booking endpoint. |")
    ;; Batch mode never goes idle, so what eglot and flymake do on idle timers is done here.
    (eglot--signal-textDocument/didChange)
    (mimspec-check
     (mimspec-wait
      (lambda ()
        (flymake-start)
        (seq-find (lambda (d)
                    (and (string-match-p "trace/unknown-requirement\\|R9\\.9" (flymake-diagnostic-text d))
                         (= 13 (line-number-at-pos (flymake-diagnostic-beg d)))))
                  (flymake-diagnostics)))
      20)
     "diagnostics arrive for a broken mapping row")
    ;; Definition of R1.1 on line 11 of the mapping table.
    (goto-char (point-min))
    (forward-line 10)
    (forward-char 3)
    (let* ((server (eglot-current-server))
           (def (jsonrpc-request server :textDocument/definition (eglot--TextDocumentPositionParams)))
           (loc (if (vectorp def) (aref def 0) def))
           (uri (plist-get loc :uri))
           (line (plist-get (plist-get (plist-get loc :range) :start) :line)))
      (mimspec-check (and uri (string-match-p "capabilities-and-requirements\\.md\\'" uri) (eql line 14))
                     (format "definition jumps from the mapping row to R1.1 (%s:%s)" uri line))
      (let* ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
             (value (plist-get (plist-get hover :contents) :value)))
        (mimspec-check (and value (string-match-p "Systems SHALL expose kerb segments" value))
                       "hover shows the requirement text")))))

(princ (if (= mimspec-failures 0) "all passed\n" (format "%d failed\n" mimspec-failures)))
(kill-emacs (if (= mimspec-failures 0) 0 1))
